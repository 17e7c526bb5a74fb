package io.portevoix.delivery.domain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A DKIM key pair: RSA 2048 (what RFC 8301 asks signers to use at least, and what every receiver
 * verifies), the public key as the base64 of its X.509 form ({@code p=} of the DKIM record) and the
 * private key as the base64 of its PKCS#8 form (what the signer reads).
 */
public record DkimKeyPair(String publicKey, String privateKey) {

    public static DkimKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new DkimKeyPair(base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    @Override
    public String toString() {
        return "DkimKeyPair[publicKey=" + publicKey + "]";
    }
}
