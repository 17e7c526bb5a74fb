package io.portevoix.audience;

import java.time.Instant;

/** The latest bounce or complaint delivery reported for a member's e-mail address: when, and the server's reason. */
public record LastBounce(Instant at, String reason) {
}
