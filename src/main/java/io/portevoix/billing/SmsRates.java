package io.portevoix.billing;

import java.util.List;
import java.util.OptionalInt;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The platform's SMS price list: credits per SMS part for each destination country. A country
 * without a price is not addressable. Everyone (and background sends) may read it, and reads are
 * served from memory; only a platform administrator changes it, and each change is audited.
 */
@PrimaryPort
public interface SmsRates {

    /** Lowest and highest price of one SMS part, in credits. */
    int MIN_CREDITS_PER_PART = 1;
    int MAX_CREDITS_PER_PART = 1000;

    /** Every priced country, by country code. */
    List<SmsRate> all();

    /** Credits per part for a country code (case ignored); empty when the country is not addressable. */
    OptionalInt creditsPerPart(String country);

    /**
     * Prices a country, or changes its price (platform administrators). {@code country} must be an
     * ISO 3166-1 alpha-2 code and the price between {@value #MIN_CREDITS_PER_PART} and
     * {@value #MAX_CREDITS_PER_PART}; otherwise {@link io.portevoix.shared.InvalidInputException}
     * (fields {@code country}, {@code creditsPerPart}).
     */
    SmsRate set(String country, int creditsPerPart);

    /** Removes a country's price, making it non-addressable (platform administrators). */
    void remove(String country);
}
