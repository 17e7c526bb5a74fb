package io.portevoix.delivery.application.port;

import java.time.LocalDate;

/** The public holidays of a country, on which no marketing SMS reaches its recipients. */
public interface PublicHolidays {

    /**
     * Whether {@code day} is a public holiday in {@code countryIsoCode} (ISO 3166 alpha-2, e.g.
     * {@code FR}, {@code RE}); false for a country whose calendar is unknown.
     */
    boolean isHoliday(String countryIsoCode, LocalDate day);
}
