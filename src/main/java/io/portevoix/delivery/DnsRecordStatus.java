package io.portevoix.delivery;

/**
 * What a DNS verification found for one record: published as expected, absent, present with
 * another value, or not checked (never verified, or DNS could not be reached).
 */
public enum DnsRecordStatus {
    OK, MISSING, DIFFERENT, NOT_CHECKED
}
