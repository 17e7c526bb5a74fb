package io.portevoix.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of the installation's SMTP servers as the administration screen shows it: never its
 * password, only whether it has one. {@code maxPerSecond} null: no limit.
 */
public record SmtpServer(UUID id, String name, String host, int port, SmtpSecurity security, String user,
        boolean hasPassword, int weight, @Nullable Integer maxPerSecond, boolean enabled, Instant updatedAt,
        String updatedBy) {
}
