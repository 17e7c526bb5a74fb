package io.portevoix.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * The price of one SMS part sent to a country (ISO 3166-1 alpha-2), in credits, with who set it last.
 */
public record SmsRate(String country, int creditsPerPart, Instant updatedAt, String updatedBy) {

    public SmsRate {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
