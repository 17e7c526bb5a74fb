package io.portevoix.delivery.adapter.holidays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The French calendar for any year, the overseas departments, and countries without a calendar. */
class JollydayPublicHolidaysTests {

    final JollydayPublicHolidays holidays = new JollydayPublicHolidays();

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25", "2285-03-22"})
    void easterBasedHolidaysFollowEaster(LocalDate easter) {
        assertThat(holidays.isHoliday("FR", easter.plusDays(1))).as("Easter Monday").isTrue();
        assertThat(holidays.isHoliday("FR", easter.plusDays(39))).as("Ascension").isTrue();
        assertThat(holidays.isHoliday("FR", easter.plusDays(50))).as("Whit Monday").isTrue();
        assertThat(holidays.isHoliday("FR", easter.minusDays(1))).as("the day before Easter").isFalse();
        assertThat(holidays.isHoliday("FR", easter.plusDays(2))).as("Easter Tuesday").isFalse();
    }

    @Test
    void frenchFixedHolidays() {
        for (String day : new String[] {"01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"}) {
            assertThat(holidays.isHoliday("FR", LocalDate.parse("2031-" + day))).as(day).isTrue();
        }
        assertThat(holidays.isHoliday("FR", LocalDate.parse("2031-12-26"))).as("26 December outside Alsace-Moselle").isFalse();
        assertThat(holidays.isHoliday("fr", LocalDate.parse("2031-07-14"))).as("case of the code").isTrue();
    }

    @Test
    void overseasDepartmentsHaveTheNationalCalendarAndTheirAbolitionDay() {
        assertThat(holidays.isHoliday("RE", LocalDate.parse("2027-12-20"))).isTrue();
        assertThat(holidays.isHoliday("RE", LocalDate.parse("2027-03-29"))).as("Easter Monday").isTrue();
        assertThat(holidays.isHoliday("GP", LocalDate.parse("2027-05-27"))).isTrue();
        assertThat(holidays.isHoliday("MQ", LocalDate.parse("2027-05-22"))).isTrue();
        assertThat(holidays.isHoliday("GF", LocalDate.parse("2027-06-10"))).isTrue();
        assertThat(holidays.isHoliday("YT", LocalDate.parse("2027-04-27"))).isTrue();
        assertThat(holidays.isHoliday("FR", LocalDate.parse("2027-12-20"))).as("not in mainland France").isFalse();
        assertThat(holidays.isHoliday("GP", LocalDate.parse("2027-12-20"))).as("Réunion's day only").isFalse();
    }

    @Test
    void otherCountriesUseTheirCalendarOrNone() {
        assertThat(holidays.isHoliday("BE", LocalDate.parse("2027-07-21"))).as("Belgian national day").isTrue();
        assertThat(holidays.isHoliday("BE", LocalDate.parse("2027-07-14"))).isFalse();
        assertThat(holidays.isHoliday("ZZ", LocalDate.parse("2027-01-01"))).as("unknown country").isFalse();
        assertThat(holidays.isHoliday("PF", LocalDate.parse("2027-01-01"))).as("no calendar for French Polynesia").isFalse();
    }
}
