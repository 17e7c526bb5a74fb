package io.portevoix.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A message captured by the demo sandbox, as the recipient would see it, with its headers. */
public record SandboxMessage(int id, Instant receivedAt, String from, List<String> to, String subject, String text,
        String html, Map<String, String> headers) {
}
