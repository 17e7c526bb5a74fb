package io.portevoix.delivery.domain;

import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * When marketing SMS may reach a recipient: on the allowed days of the week, from {@code starts}
 * (inclusive) to {@code ends} (exclusive), in the recipient's local time, never on a public holiday.
 * {@link #FRANCE} is the legal default (Monday to Saturday, 08:00 to 20:00); an account may only
 * {@linkplain #narrowedTo narrow} it.
 */
@ValueObject
public record SendingWindow(Set<DayOfWeek> days, LocalTime starts, LocalTime ends) {

    public static final SendingWindow FRANCE = new SendingWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
            LocalTime.of(8, 0), LocalTime.of(20, 0));

    /** Days looked ahead before giving up: far more than any run of holidays and closed days. */
    private static final int HORIZON_DAYS = 400;

    public SendingWindow {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        if (days.isEmpty()) {
            throw InvalidInputException.of("days", "A sending window needs at least one day");
        }
        if (!starts.isBefore(ends)) {
            throw InvalidInputException.of("ends", "A sending window must end after it starts");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /**
     * This window narrowed to {@code days} between {@code starts} and {@code ends}; refuses, field
     * by field ({@code days}, {@code starts}, {@code ends}), anything that would widen it.
     */
    public SendingWindow narrowedTo(Set<DayOfWeek> days, LocalTime starts, LocalTime ends) {
        List<FieldError> errors = new ArrayList<>();
        if (days.isEmpty()) {
            errors.add(new FieldError("days", "Choose at least one day"));
        } else if (!this.days.containsAll(days)) {
            EnumSet<DayOfWeek> outside = EnumSet.copyOf(days);
            outside.removeAll(this.days);
            errors.add(new FieldError("days", "Not allowed by the default window: " + outside.stream()
                    .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList()));
        }
        if (starts.isBefore(this.starts)) {
            errors.add(new FieldError("starts", "Cannot start before " + this.starts));
        }
        if (ends.isAfter(this.ends)) {
            errors.add(new FieldError("ends", "Cannot end after " + this.ends));
        } else if (!starts.isBefore(ends)) {
            errors.add(new FieldError("ends", "Must end after it starts"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SendingWindow(days, starts, ends);
    }

    /** Whether this window is {@code other} or narrower than it. */
    public boolean within(SendingWindow other) {
        return other.days.containsAll(days) && !starts.isBefore(other.starts) && !ends.isAfter(other.ends);
    }

    /**
     * {@code at} itself when it falls inside the window in {@code zone}, else the start of the next
     * allowed slot: the next day that is allowed and not a holiday, at {@code starts} in that day's
     * offset (daylight-saving changes included).
     */
    public Instant nextAllowed(Instant at, ZoneId zone, Predicate<LocalDate> isHoliday) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (open(day, isHoliday)) {
            if (time.isBefore(starts)) {
                return ZonedDateTime.of(day, starts, zone).toInstant();
            }
            if (time.isBefore(ends)) {
                return at;
            }
        }
        for (int i = 1; i <= HORIZON_DAYS; i++) {
            LocalDate next = day.plusDays(i);
            if (open(next, isHoliday)) {
                return ZonedDateTime.of(next, starts, zone).toInstant();
            }
        }
        throw new IllegalStateException("No allowed day within " + HORIZON_DAYS + " days of " + day);
    }

    private boolean open(LocalDate day, Predicate<LocalDate> isHoliday) {
        return days.contains(day.getDayOfWeek()) && !isHoliday.test(day);
    }
}
