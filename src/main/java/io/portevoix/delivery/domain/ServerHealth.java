package io.portevoix.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which servers are down: a server that failed (no connection, dropped connection, 421, login
 * refused) is left alone for a back-off that starts at {@code base} and doubles at each failure in
 * a row, up to {@code max}; one success puts it back at once. Thread-safe.
 */
public final class ServerHealth {

    private record Down(Instant until, int failures) {
    }

    private final Duration base;
    private final Duration max;
    private final Map<String, Down> down = new ConcurrentHashMap<>();

    public ServerHealth(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("A back-off needs 0 < base <= max");
        }
        this.base = base;
        this.max = max;
    }

    public boolean up(String server, Instant now) {
        Down d = down.get(server);
        return d == null || !now.isBefore(d.until());
    }

    /** Marks the server down from {@code now}; returns until when. */
    public Instant failed(String server, Instant now) {
        return down.compute(server, (id, d) -> {
            int failures = d == null ? 1 : d.failures() + 1;
            Duration wait = base.multipliedBy(1L << Math.min(failures - 1, 20));
            return new Down(now.plus(wait.compareTo(max) > 0 ? max : wait), failures);
        }).until();
    }

    public void succeeded(String server) {
        if (!down.isEmpty()) {
            down.remove(server);
        }
    }
}
