package io.portevoix.campaigns.spi;

/**
 * What campaigns need from delivery, which implements it: how the domain of a From address is set
 * up in the current account, so that the review before sending warns (never blocks) about a
 * missing DKIM key or SPF/DMARC records that the last DNS verification did not find.
 */
public interface SenderDomains {

    SenderDomainState state(String fromEmail);
}
