package io.portevoix.tenancy.domain;

/** What a password must be. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private Passwords() {
    }

    public static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("A password has at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A password has at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("A password cannot be only spaces");
        }
    }
}
