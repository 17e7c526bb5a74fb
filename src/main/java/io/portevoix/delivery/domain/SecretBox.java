package io.portevoix.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * Encrypts settings that must not be readable in the database (SMTP passwords, DKIM private keys):
 * AES-256-GCM with a key derived by HKDF-SHA256 from the installation's secret
 * ({@code PORTEVOIX_SECRET}). The stored form is {@code v1:<base64 of nonce | ciphertext | tag>};
 * the purpose is authenticated with the text, so a value moved to another column does not decrypt.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretBox(String secret) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("PORTEVOIX_SECRET must have at least 32 characters to encrypt settings");
        }
        try {
            key = KDF.getInstance("HKDF-SHA256").deriveKey("AES", HKDFParameterSpec.ofExtract()
                    .addIKM(secret.getBytes(StandardCharsets.UTF_8))
                    .addSalt("porte-voix/settings".getBytes(StandardCharsets.UTF_8))
                    .thenExpand("aes-256-gcm".getBytes(StandardCharsets.UTF_8), 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 is not available", e);
        }
    }

    /** The stored form of {@code plain}; {@code purpose} (e.g. {@code "smtp-password"}) must be given again to open it. */
    public String seal(String purpose, String plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    /** The plain text of a stored value; fails when it was sealed with another secret or purpose, or altered. */
    public String open(String purpose, String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (all.length <= NONCE) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, purpose);
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("The value was encrypted with another PORTEVOIX_SECRET, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
