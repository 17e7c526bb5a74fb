package io.portevoix.delivery;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The current account's sending domains (Settings → Sending domains): each has a DKIM key pair
 * generated here (RSA 2048; the private key stored encrypted with {@code PORTEVOIX_SECRET}), and
 * the DNS records to publish for SPF, DKIM and DMARC with the result of their last verification.
 * Messages whose From address is at such a domain leave DKIM-signed. Reading needs SETTINGS at
 * GUEST level; changes need EDITOR and are audited.
 */
@PrimaryPort
public interface SendingDomains {

    List<SendingDomainDetails> list();

    /** Domains the account's senders use (its default sender, its campaigns' From) that have no key yet. */
    List<String> suggestions();

    /** Whether keys can be created: {@code PORTEVOIX_SECRET} is set (at least 32 characters). */
    boolean keysEnabled();

    /** Adds the domain with a new key; refused when it is already there or when keys cannot be encrypted. */
    SendingDomainDetails add(String domain);

    /** A new selector and key pair; the old record may be removed from DNS once the new one is published. */
    SendingDomainDetails rotate(String domain);

    void delete(String domain);

    /** Looks the three records up in DNS (a few seconds at most) and keeps the result. */
    SendingDomainDetails verify(String domain);
}
