package io.portevoix.delivery.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.delivery.adapter.holidays.JollydayPublicHolidays;
import io.portevoix.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The French default window with the real French calendar, at fixed instants (no clock, no Spring). */
class SendingWindowTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final JollydayPublicHolidays HOLIDAYS = new JollydayPublicHolidays();
    static final Predicate<LocalDate> FRENCH_HOLIDAY = day -> HOLIDAYS.isHoliday("FR", day);

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    static Instant next(String localDateTime) {
        return SendingWindow.FRANCE.nextAllowed(paris(localDateTime), PARIS, FRENCH_HOLIDAY);
    }

    @Test
    void aMessageInsideTheWindowLeavesAtOnce() {
        assertThat(next("2026-06-13T19:59:59")).as("Saturday 19:59:59").isEqualTo(paris("2026-06-13T19:59:59"));
        assertThat(next("2026-06-15T08:00")).as("Monday 08:00 is inside").isEqualTo(paris("2026-06-15T08:00"));
    }

    @Test
    void saturdayEightPmWaitsForMondayMorning() {
        assertThat(next("2026-06-13T20:00")).as("20:00 is outside").isEqualTo(paris("2026-06-15T08:00"));
        assertThat(next("2026-06-13T23:30")).isEqualTo(paris("2026-06-15T08:00"));
    }

    @Test
    void sundayWaitsForMonday() {
        assertThat(next("2026-06-14T11:00")).isEqualTo(paris("2026-06-15T08:00"));
    }

    @Test
    void earlyMorningWaitsForEightOClockTheSameDay() {
        assertThat(next("2026-06-15T07:00")).isEqualTo(paris("2026-06-15T08:00"));
        assertThat(next("2026-06-15T00:00")).isEqualTo(paris("2026-06-15T08:00"));
    }

    @Test
    void easterWeekendWaitsForTuesdayAcrossTheClockChange() {
        assertThat(next("2027-03-27T21:00")).as("Saturday evening, Sunday, Easter Monday 29 March")
                .isEqualTo(paris("2027-03-30T08:00")).isEqualTo(Instant.parse("2027-03-30T06:00:00Z"));
        assertThat(next("2027-03-29T10:00")).as("on Easter Monday").isEqualTo(paris("2027-03-30T08:00"));
    }

    @Test
    void fixedHolidaysAreSkipped() {
        assertThat(next("2026-07-14T10:00")).as("14 July, a Tuesday").isEqualTo(paris("2026-07-15T08:00"));
        assertThat(next("2027-04-30T20:15")).as("1 May on a Saturday, then Sunday").isEqualTo(paris("2027-05-03T08:00"));
        assertThat(next("2027-05-06T09:00")).as("Ascension Thursday").isEqualTo(paris("2027-05-07T08:00"));
        assertThat(next("2026-12-24T20:30")).as("Christmas Eve evening, Christmas Day")
                .isEqualTo(paris("2026-12-26T08:00"));
    }

    @Test
    void theNextMorningUsesTheOffsetOfThatDay() {
        assertThat(next("2026-03-28T20:30")).as("spring forward on Sunday 29 March: Monday 08:00 is UTC+2")
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        assertThat(next("2026-10-24T21:00")).as("fall back on Sunday 25 October: Monday 08:00 is UTC+1")
                .isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
    }

    @Test
    void theRecipientsZoneDecides() {
        ZoneId reunion = ZoneId.of("Indian/Reunion");
        Instant mondayHalfPastFourUtc = Instant.parse("2026-06-15T04:30:00Z");
        assertThat(SendingWindow.FRANCE.nextAllowed(mondayHalfPastFourUtc, reunion, day -> false))
                .as("08:30 in Réunion").isEqualTo(mondayHalfPastFourUtc);
        assertThat(SendingWindow.FRANCE.nextAllowed(mondayHalfPastFourUtc, PARIS, FRENCH_HOLIDAY))
                .as("06:30 in Paris").isEqualTo(paris("2026-06-15T08:00"));
    }

    @Test
    void anAccountMayNarrowTheWindow() {
        SendingWindow narrowed = SendingWindow.FRANCE.narrowedTo(EnumSet.of(TUESDAY, WEDNESDAY), LocalTime.of(9, 30),
                LocalTime.of(18, 0));
        assertThat(narrowed.within(SendingWindow.FRANCE)).isTrue();
        assertThat(narrowed.nextAllowed(paris("2026-06-15T10:00"), PARIS, FRENCH_HOLIDAY)).as("Monday is closed")
                .isEqualTo(paris("2026-06-16T09:30"));
        assertThat(narrowed.nextAllowed(paris("2026-06-16T18:00"), PARIS, FRENCH_HOLIDAY)).as("18:00 is outside")
                .isEqualTo(paris("2026-06-17T09:30"));
        assertThat(SendingWindow.FRANCE.narrowedTo(SendingWindow.FRANCE.days(), LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .as("the default itself").isEqualTo(SendingWindow.FRANCE);
    }

    @Test
    void wideningIsRefusedFieldByField() {
        assertThatThrownBy(() -> SendingWindow.FRANCE.narrowedTo(Set.of(SATURDAY, SUNDAY), LocalTime.of(8, 0),
                LocalTime.of(20, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("days");
                            assertThat(error.message()).contains("Sunday");
                        }));
        assertThatThrownBy(() -> SendingWindow.FRANCE.narrowedTo(Set.of(MONDAY), LocalTime.of(7, 59), LocalTime.of(20, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("starts", "ends"));
        assertThatThrownBy(() -> SendingWindow.FRANCE.narrowedTo(Set.of(FRIDAY), LocalTime.of(12, 0), LocalTime.of(12, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("ends"));
        assertThatThrownBy(() -> SendingWindow.FRANCE.narrowedTo(Set.of(), LocalTime.of(9, 0), LocalTime.of(10, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("days"));
    }
}
