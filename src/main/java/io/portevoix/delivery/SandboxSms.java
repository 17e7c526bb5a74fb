package io.portevoix.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An SMS captured by the demo sandbox: sender, number, text, its parts and encoding, and the
 * delivery receipt the sandbox sent back (none yet: null).
 */
public record SandboxSms(int id, Instant receivedAt, String from, String to, String text, int parts, String encoding,
        @Nullable String receipt) {
}
