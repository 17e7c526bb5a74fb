package io.portevoix.delivery.application.port;

import io.portevoix.delivery.SmtpSecurity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The installation's SMTP servers as stored: the password only in its sealed form (empty: none). */
public interface SmtpServerTable {

    record Row(UUID id, String name, String host, int port, SmtpSecurity security, String user, String sealedPassword,
            int weight, @Nullable Integer maxPerSecond, boolean enabled, Instant updatedAt, String updatedBy) {
    }

    List<Row> all();

    Optional<Row> find(UUID id);

    void save(Row row);

    void delete(UUID id);
}
