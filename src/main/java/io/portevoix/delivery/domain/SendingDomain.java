package io.portevoix.delivery.domain;

import io.portevoix.delivery.DnsRecordStatus;
import java.net.IDN;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A domain an account sends from, with its DKIM key (the private key sealed, never in clear here)
 * and its last DNS verification. Rotating gives a new selector and key; verifying replaces the
 * last result.
 */
public record SendingDomain(String domain, String selector, String publicKey, String sealedPrivateKey, Instant createdAt,
        Instant keyCreatedAt, @Nullable Check check) {

    private static final Pattern NAME = Pattern.compile("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    public SendingDomain {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        if (!sealedPrivateKey.startsWith("v1:")) {
            throw new IllegalArgumentException("The private key must be sealed");
        }
    }

    /** The last verification: when, whether DNS answered, and what was found for each record. */
    public record Check(Instant at, boolean unreachable, Found spf, Found dkim, Found dmarc) {
    }

    /** One record's state and the value found ({@code ""} when none). */
    public record Found(DnsRecordStatus status, String value) {

        public static final Found NOT_CHECKED = new Found(DnsRecordStatus.NOT_CHECKED, "");
    }

    /** A new domain with its first key; {@code domain} is normalised by {@link #name(String)}. */
    public static SendingDomain create(String domain, DkimKeyPair key, String sealedPrivateKey, Instant now) {
        return new SendingDomain(name(domain), selector(now, null), key.publicKey(), sealedPrivateKey, now, now, null);
    }

    /** A new selector (never the current one) and key; the last verification no longer applies. */
    public SendingDomain rotate(DkimKeyPair key, String sealedPrivateKey, Instant now) {
        return new SendingDomain(domain, selector(now, selector), key.publicKey(), sealedPrivateKey, createdAt, now, null);
    }

    public SendingDomain checked(Check check) {
        return new SendingDomain(domain, selector, publicKey, sealedPrivateKey, createdAt, keyCreatedAt, check);
    }

    /**
     * The lower-case ASCII (IDNA) form of a domain name, from a name or an e-mail address;
     * refuses anything that is not a name with at least two labels.
     */
    public static String name(String given) {
        String name = given == null ? "" : given.strip();
        int at = name.lastIndexOf('@');
        if (at >= 0) {
            name = name.substring(at + 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a domain name: " + given);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a domain name: " + given);
        }
        return name;
    }

    /** {@code pv<yyyyMMdd>}, with a letter added when the previous selector already has that day. */
    static String selector(Instant now, @Nullable String previous) {
        String base = "pv" + DAY.format(now);
        if (previous == null || !previous.startsWith(base)) {
            return base;
        }
        String suffix = previous.substring(base.length());
        if (suffix.isEmpty()) {
            return base + "b";
        }
        if (suffix.length() == 1 && suffix.charAt(0) >= 'b' && suffix.charAt(0) < 'z') {
            return base + (char) (suffix.charAt(0) + 1);
        }
        return "pv" + now.getEpochSecond();
    }
}
