package io.portevoix.campaigns;

import java.time.Duration;
import java.time.Instant;

/** Opens of a campaign in the time bucket {@code [start, start + length)}: by people, and by machines (kept apart). */
public record OpensOverTime(Instant start, Duration length, long people, long machines) {
}
