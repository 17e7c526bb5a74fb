package io.portevoix.shared;

import java.util.Locale;

/**
 * A syntactically valid e-mail address, kept as typed but compared case-insensitively.
 */
public record EmailAddress(String value) {

    /** The local part's characters besides letters and digits. */
    private static final String LOCAL_SYMBOLS = ".!#$%&'*+/=?^_`{|}~-";

    public EmailAddress {
        if (value == null || value.length() > 254 || !hasShape(value.strip())) {
            throw new IllegalArgumentException("Invalid e-mail address: " + value);
        }
        value = value.strip();
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 254 && hasShape(value.strip());
    }

    /**
     * {@code local@label(.label)+}: a local part of letters, digits and {@value #LOCAL_SYMBOLS};
     * labels of 1 to 63 letters, digits and inner hyphens. Checked by hand rather than by a regular
     * expression: imports check a million addresses, and the backtracking pattern cost them seconds.
     */
    static boolean hasShape(String value) {
        int at = value.indexOf('@');
        if (at < 1) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && LOCAL_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        int labels = 0;
        int start = at + 1;
        while (true) {
            int end = value.indexOf('.', start);
            int stop = end < 0 ? value.length() : end;
            int length = stop - start;
            if (length < 1 || length > 63 || !isAlphanumeric(value.charAt(start)) || !isAlphanumeric(value.charAt(stop - 1))) {
                return false;
            }
            for (int i = start + 1; i < stop - 1; i++) {
                char c = value.charAt(i);
                if (!isAlphanumeric(c) && c != '-') {
                    return false;
                }
            }
            labels++;
            if (end < 0) {
                return labels >= 2;
            }
            start = end + 1;
        }
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The form used for uniqueness and look-ups. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress e && e.normalized().equals(normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
