package io.portevoix.delivery.adapter.holidays;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.portevoix.delivery.application.port.PublicHolidays;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Public holidays per country from Jollyday's calendars, computed once per (country, year) and
 * kept, so that deciding a day costs a hash look-up.
 */
@Component
public final class JollydayPublicHolidays implements PublicHolidays {

    /** The overseas departments: the national calendar plus their abolition-of-slavery day. */
    private static final Map<String, MonthDay> OVERSEAS_DEPARTMENTS = Map.of(
            "GP", MonthDay.of(5, 27),
            "MQ", MonthDay.of(5, 22),
            "GF", MonthDay.of(6, 10),
            "RE", MonthDay.of(12, 20),
            "YT", MonthDay.of(4, 27));

    private final Set<String> calendars = HolidayManager.getSupportedCalendarCodes();
    private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();
    private final Map<String, Set<LocalDate>> years = new ConcurrentHashMap<>();

    @Override
    public boolean isHoliday(String countryIsoCode, LocalDate day) {
        String country = countryIsoCode.toUpperCase(Locale.ROOT);
        return years.computeIfAbsent(country + day.getYear(), key -> holidays(country, day.getYear())).contains(day);
    }

    private Set<LocalDate> holidays(String country, int year) {
        MonthDay abolition = OVERSEAS_DEPARTMENTS.get(country);
        String calendar = abolition != null ? "FR" : country;
        Set<LocalDate> days = new HashSet<>(manager(calendar)
                .map(m -> m.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream().map(Holiday::getDate)
                        .collect(Collectors.toSet()))
                .orElse(Set.of()));
        if (abolition != null) {
            days.add(abolition.atYear(year));
        }
        return Set.copyOf(days);
    }

    private Optional<HolidayManager> manager(String calendar) {
        return managers.computeIfAbsent(calendar, code -> calendars.contains(code)
                ? Optional.of(HolidayManager.getInstance(ManagerParameters.create(code)))
                : Optional.empty());
    }
}
