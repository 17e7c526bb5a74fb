package io.portevoix.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid e-mail address, kept as typed but compared case-insensitively.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("Invalid e-mail address: " + value);
        }
        value = value.strip();
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 254 && SHAPE.matcher(value.strip()).matches();
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
