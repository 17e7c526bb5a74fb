package io.portevoix.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A valid phone number in E.164 form ({@code +33612345678}), parsed with libphonenumber from
 * whatever people type or spreadsheets export: spaces, dots and dashes, {@code 0033…},
 * {@code +33 6…}, and French mobiles whose leading zero a spreadsheet dropped ({@code 612345678}).
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\s.\\-()/]");
    private static final Pattern FRENCH_WITHOUT_ZERO = Pattern.compile("[1-9][0-9]{8}");
    /** By calling code: its one country, {@code ""} when it is shared or not geographic, null when unassigned. */
    private static final String[] COUNTRY_OF_CALLING_CODE = countriesOfCallingCodes();

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("Not an E.164 number: " + e164);
        }
    }

    /** Parses {@code raw} with {@code defaultRegion} (ISO 3166 alpha-2) for national forms; empty when invalid. */
    public static Optional<PhoneNumber> parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null ? "FR" : defaultRegion.toUpperCase(Locale.ROOT);
        String cleaned = PUNCTUATION.matcher(raw.strip()).replaceAll("");
        if (cleaned.startsWith("00")) {
            cleaned = "+" + cleaned.substring(2);
        }
        if (!cleaned.startsWith("+") && FRENCH_WITHOUT_ZERO.matcher(cleaned).matches()
                && UTIL.getCountryCodeForRegion(region) == 33) {
            cleaned = "0" + cleaned;
        }
        try {
            var number = UTIL.parse(cleaned, region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The ISO 3166-1 alpha-2 country of the number, e.g. {@code FR}. A calling code that belongs to
     * one country ({@code +33}) answers without parsing the number; shared ones ({@code +262}:
     * Réunion or Mayotte, {@code +1}) are told apart by libphonenumber from the whole number.
     */
    public String country() {
        for (int length = 1; length <= 3; length++) {
            String country = COUNTRY_OF_CALLING_CODE[Integer.parseInt(e164, 1, 1 + length, 10)];
            if (country != null) {
                if (!country.isEmpty()) {
                    return country;
                }
                break;
            }
        }
        try {
            return UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] countriesOfCallingCodes() {
        String[] countries = new String[1000];
        for (int callingCode : UTIL.getSupportedCallingCodes()) {
            var regions = UTIL.getRegionCodesForCountryCode(callingCode);
            if (!regions.isEmpty()) {
                countries[callingCode] = regions.size() == 1 && !"001".equals(regions.getFirst()) ? regions.getFirst() : "";
            }
        }
        return countries;
    }

    @Override
    public String toString() {
        return e164;
    }
}
