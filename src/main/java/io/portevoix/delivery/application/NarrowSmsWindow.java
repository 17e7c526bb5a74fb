package io.portevoix.delivery.application;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Narrows the current account's marketing SMS window: only days and hours inside the default are accepted. */
@PrimaryPort
public record NarrowSmsWindow(Set<DayOfWeek> days, LocalTime starts, LocalTime ends) {

    public NarrowSmsWindow {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        days = Set.copyOf(days);
    }
}
