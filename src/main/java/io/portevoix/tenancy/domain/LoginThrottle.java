package io.portevoix.tenancy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * After {@value #MAX_FAILURES} failed logins within 15 minutes, further attempts for that login
 * are refused until 15 minutes after the last failure. Refused attempts are not failures, so
 * hammering a locked login does not extend the lock.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    private LoginThrottle() {
    }

    /** When the login is locked until, given its failures in the last {@link #WINDOW}. */
    public static Optional<Instant> lockedUntil(List<Instant> recentFailures, Instant now) {
        List<Instant> inWindow = recentFailures.stream().filter(at -> !at.isBefore(now.minus(WINDOW))).toList();
        if (inWindow.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant last = inWindow.stream().max(Instant::compareTo).orElseThrow();
        Instant until = last.plus(LOCK);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
