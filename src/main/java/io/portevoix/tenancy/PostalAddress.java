package io.portevoix.tenancy;

/**
 * An account's postal address, printed in the legal footer of its e-mails.
 */
public record PostalAddress(String line1, String line2, String postalCode, String city, String country) {

    public static final PostalAddress EMPTY = new PostalAddress("", "", "", "", "FR");

    public PostalAddress {
        line1 = line1 == null ? "" : line1.strip();
        line2 = line2 == null ? "" : line2.strip();
        postalCode = postalCode == null ? "" : postalCode.strip();
        city = city == null ? "" : city.strip();
        country = country == null || country.isBlank() ? "FR" : country.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isComplete() {
        return !line1.isEmpty() && !postalCode.isEmpty() && !city.isEmpty();
    }

    /** One line, as merge tags print it. */
    public String singleLine() {
        StringBuilder text = new StringBuilder(line1);
        if (!line2.isEmpty()) {
            text.append(", ").append(line2);
        }
        if (!postalCode.isEmpty() || !city.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ").append((postalCode + " " + city).strip());
        }
        return text.toString();
    }
}
