package io.portevoix.delivery.application.port;

import java.util.Objects;

/**
 * How a message is DKIM-signed: the signing domain ({@code d=}), the selector ({@code s=}) and the
 * RSA private key in PKCS#8 form.
 */
public record DkimSigning(String domain, String selector, byte[] privateKey) {

    public DkimSigning {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        privateKey = privateKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public String toString() {
        return "DkimSigning[" + selector + "._domainkey." + domain + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DkimSigning s && s.domain.equals(domain) && s.selector.equals(selector)
                && java.util.Arrays.equals(s.privateKey, privateKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, selector);
    }
}
