package io.portevoix.tenancy.application.port;

import java.time.Instant;
import java.util.List;

/** Login attempts, keyed by a hash of the login so that the table holds no addresses. */
public interface LoginAttempts {

    void record(String loginHash, Instant at, boolean success);

    List<Instant> failuresSince(String loginHash, Instant since);
}
