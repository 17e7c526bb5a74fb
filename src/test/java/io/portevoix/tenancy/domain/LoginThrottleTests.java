package io.portevoix.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static List<Instant> failures(int count, Duration spacing, Instant last) {
        return IntStream.range(0, count).mapToObj(i -> last.minus(spacing.multipliedBy(i))).toList();
    }

    @Test
    void fourFailuresDoNotLock() {
        assertThat(LoginThrottle.lockedUntil(failures(4, Duration.ofSeconds(10), NOW), NOW)).isEmpty();
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockForFifteenMinutesAfterTheLast() {
        Instant last = NOW.minusSeconds(60);
        assertThat(LoginThrottle.lockedUntil(failures(5, Duration.ofMinutes(2), last), NOW))
                .contains(last.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theLockEndsFifteenMinutesAfterTheLastFailure() {
        Instant last = NOW.minus(Duration.ofMinutes(15)).minusSeconds(1);
        assertThat(LoginThrottle.lockedUntil(failures(5, Duration.ofSeconds(1), last), NOW)).isEmpty();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        assertThat(LoginThrottle.lockedUntil(failures(5, Duration.ofMinutes(4), NOW), NOW)).isEmpty();
    }
}
