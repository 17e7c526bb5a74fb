package io.portevoix.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sending domain: its DKIM selector, when its key was made, the records to publish (SPF, DKIM,
 * DMARC in that order) with their state at the last verification ({@code checkedAt}; null:
 * never), and whether DNS could not be reached then.
 */
public record SendingDomainDetails(String domain, String selector, Instant keyCreatedAt, @Nullable Instant checkedAt,
        boolean dnsUnreachable, List<DnsRecord> records) {

    public SendingDomainDetails {
        records = List.copyOf(records);
    }

    /** One record to publish: its kind, DNS name, type, value, and what the last verification found. */
    public record DnsRecord(Kind kind, String name, String type, String value, DnsRecordStatus status, String found) {
    }

    public enum Kind {
        SPF, DKIM, DMARC
    }
}
