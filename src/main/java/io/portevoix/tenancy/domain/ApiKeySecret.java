package io.portevoix.tenancy.domain;

import io.portevoix.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API key secrets: 256 random bits, shown once, stored as a SHA-256 hash (a fast hash is right
 * for random secrets of this size; slow hashes are for human passwords).
 */
public final class ApiKeySecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "pv_";
    public static final int MIN_LENGTH = 20;

    private ApiKeySecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** The part shown in lists to recognise a key, never enough to use it. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(8, secret.length())) + "…";
    }

    public static void requireAcceptable(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("An API key has at least " + MIN_LENGTH + " characters");
        }
    }
}
