package io.portevoix.audience;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message sent to a member: its campaign and run, channel, when it left (null while it
 * waits), its state (PENDING, SENT, FAILED, UNKNOWN) and whether it was opened or clicked.
 */
public record SentMessage(String campaignId, String campaignName, String runId, Channel channel,
        @Nullable Instant sentAt, String status, boolean opened, boolean clicked) {
}
