package io.portevoix.campaigns.spi;

/**
 * A From domain in the current account: whether it has a DKIM key, whether its DNS records were
 * verified (false: never, or DNS could not be reached), and which records that verification found
 * missing (or, for DKIM, published with another key).
 */
public record SenderDomainState(boolean dkimKey, boolean verified, boolean spfMissing, boolean dkimNotPublished,
        boolean dmarcMissing) {

    public static final SenderDomainState NO_KEY = new SenderDomainState(false, false, false, false, false);
}
