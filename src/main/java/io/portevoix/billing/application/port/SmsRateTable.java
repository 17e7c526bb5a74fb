package io.portevoix.billing.application.port;

import io.portevoix.billing.SmsRate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of the SMS price list (platform data, no account). */
public interface SmsRateTable {

    List<SmsRate> all();

    Optional<SmsRate> find(String country);

    /** Inserts or replaces a country's price. */
    SmsRate save(String country, int creditsPerPart, Instant at, String by);

    /** Whether a price was removed. */
    boolean delete(String country);
}
