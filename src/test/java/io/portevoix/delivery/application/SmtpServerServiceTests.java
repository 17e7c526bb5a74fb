package io.portevoix.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.delivery.SaveSmtpServer;
import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.application.port.MailServer;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.delivery.application.port.SmtpServerTable;
import io.portevoix.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SMTP server service with an in-memory table: passwords are sealed, and refused without a secret. */
class SmtpServerServiceTests {

    static final class MemoryTable implements SmtpServerTable {
        final Map<UUID, Row> rows = new LinkedHashMap<>();

        public List<Row> all() {
            return new ArrayList<>(rows.values());
        }

        public Optional<Row> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        public void save(Row row) {
            rows.put(row.id(), row);
        }

        public void delete(UUID id) {
            rows.remove(id);
        }
    }

    static final MailTransport NO_TRANSPORT = new MailTransport() {
        public Optional<MailServer> builtIn() {
            return Optional.empty();
        }

        public void send(MailServer server, OutgoingMail mail) {
        }

        public void test(MailServer server) {
        }
    };

    static final SaveSmtpServer WITH_PASSWORD = new SaveSmtpServer("Relais", "smtp.relay.example", 587, SmtpSecurity.STARTTLS,
            "club", "s3cret", 1, null, true);

    private static SmtpServerService service(MemoryTable table, String secret) {
        DeliverySettings settings = new DeliverySettings(null, null, null, null, null, null, secret, null, null);
        // no account is bound here, so nothing is audited
        return new SmtpServerService(table, NO_TRANSPORT, settings, null, Clock.systemUTC());
    }

    @Test
    void aPasswordIsRefusedWithAClearMessageWhenNoSecretIsConfigured() {
        MemoryTable table = new MemoryTable();
        assertThatThrownBy(() -> service(table, "").create(WITH_PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("password");
                    assertThat(e.errors().getFirst().message()).contains("PORTEVOIX_SECRET");
                });
        assertThat(table.rows).isEmpty();
        // without a password, a server can be saved all the same
        assertThat(service(table, "").create(new SaveSmtpServer("Relais", "smtp.relay.example", 25, SmtpSecurity.NONE, "",
                null, 1, null, true)).hasPassword()).isFalse();
    }

    @Test
    void aPasswordIsSealedForItsServerOnly() {
        MemoryTable table = new MemoryTable();
        String secret = "0123456789abcdef0123456789abcdef";
        var saved = service(table, secret).create(WITH_PASSWORD);
        String sealed = table.rows.get(saved.id()).sealedPassword();
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        var box = new io.portevoix.delivery.domain.SecretBox(secret);
        assertThat(box.open(MailRouting.SMTP_PASSWORD + saved.id(), sealed)).isEqualTo("s3cret");
        assertThatThrownBy(() -> box.open(MailRouting.SMTP_PASSWORD + UUID.randomUUID(), sealed)).isInstanceOf(RuntimeException.class);
    }
}
