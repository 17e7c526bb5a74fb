package io.portevoix.delivery;

import java.time.Instant;
import java.util.List;

/** A message captured by the demo sandbox, as the recipient would see it. */
public record SandboxMessage(int id, Instant receivedAt, String from, List<String> to, String subject, String text,
        String html) {
}
