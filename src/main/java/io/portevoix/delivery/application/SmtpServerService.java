package io.portevoix.delivery.application;

import io.portevoix.delivery.SaveSmtpServer;
import io.portevoix.delivery.SmtpServer;
import io.portevoix.delivery.SmtpServers;
import io.portevoix.delivery.application.port.MailServer;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.SmtpServerTable;
import io.portevoix.delivery.domain.SecretBox;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's SMTP servers. A password is sealed ({@link SecretBox}, purpose bound to the
 * server's id) before it is stored, and refused when {@code PORTEVOIX_SECRET} is not set. A change
 * is audited in the account the platform administrator works in, if any; the row keeps who
 * changed it last.
 */
@Service
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class SmtpServerService implements SmtpServers {

    private final SmtpServerTable table;
    private final MailTransport transport;
    private final Optional<SecretBox> secrets;
    private final AuditLog audit;
    private final Clock clock;

    SmtpServerService(SmtpServerTable table, MailTransport transport, DeliverySettings settings, AuditLog audit, Clock clock) {
        this.table = table;
        this.transport = transport;
        this.secrets = settings.secretBox();
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SmtpServer> all() {
        return table.all().stream().map(SmtpServerService::toServer).toList();
    }

    @Override
    @Transactional
    public SmtpServer create(SaveSmtpServer server) {
        UUID id = UUID.randomUUID();
        SmtpServerTable.Row row = row(id, server, "");
        table.save(row);
        auditInCurrentAccount("smtp-server.create", row.name(), describe(row));
        return toServer(row);
    }

    @Override
    @Transactional
    public SmtpServer update(UUID id, SaveSmtpServer server) {
        SmtpServerTable.Row before = existing(id);
        SmtpServerTable.Row row = row(id, server, before.sealedPassword());
        table.save(row);
        auditInCurrentAccount("smtp-server.update", row.name(), describe(before) + " → " + describe(row)
                + (server.password() == null ? "" : server.password().isEmpty() ? ", password removed" : ", password changed"));
        return toServer(row);
    }

    @Override
    @Transactional
    public SmtpServer enable(UUID id, boolean enabled) {
        SmtpServerTable.Row r = existing(id);
        SmtpServerTable.Row row = new SmtpServerTable.Row(r.id(), r.name(), r.host(), r.port(), r.security(), r.user(),
                r.sealedPassword(), r.weight(), r.maxPerSecond(), enabled, clock.instant(), actor());
        table.save(row);
        auditInCurrentAccount(enabled ? "smtp-server.enable" : "smtp-server.disable", row.name(), "");
        return toServer(row);
    }

    @Override
    @Transactional
    public void delete(UUID id) {
        SmtpServerTable.Row row = existing(id);
        table.delete(id);
        auditInCurrentAccount("smtp-server.delete", row.name(), describe(row));
    }

    /** Outside a transaction: connecting may take the whole session timeout. */
    @Override
    public Optional<String> test(UUID id) {
        SmtpServerTable.Row row = existing(id);
        try {
            String password = row.sealedPassword().isEmpty() ? "" : secrets.orElseThrow(() -> new IllegalStateException(
                    "PORTEVOIX_SECRET is not set: the stored password cannot be read")).open(MailRouting.SMTP_PASSWORD + id,
                    row.sealedPassword());
            transport.test(new MailServer(id.toString(), row.host(), row.port(), row.security(), row.user(), password));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private SmtpServerTable.Row existing(UUID id) {
        return table.find(id).orElseThrow(() -> new NoSuchElementException("No such SMTP server"));
    }

    /** The row to store, after checking every field; {@code sealed}: the password stored so far. */
    private SmtpServerTable.Row row(UUID id, SaveSmtpServer s, String sealed) {
        List<FieldError> errors = new ArrayList<>();
        if (s.name().isEmpty() || s.name().length() > 100) {
            errors.add(new FieldError("name", "A name of 1 to 100 characters"));
        } else if (table.all().stream().anyMatch(r -> !r.id().equals(id) && r.name().equalsIgnoreCase(s.name()))) {
            errors.add(new FieldError("name", "Another SMTP server already has this name"));
        }
        if (s.host().isEmpty() || s.host().length() > 253 || !s.host().matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            errors.add(new FieldError("host", "A host name or IP address"));
        }
        if (s.port() < 1 || s.port() > 65535) {
            errors.add(new FieldError("port", "A port between 1 and 65535"));
        }
        if (s.weight() < MIN_WEIGHT || s.weight() > MAX_WEIGHT) {
            errors.add(new FieldError("weight", "A weight between " + MIN_WEIGHT + " and " + MAX_WEIGHT));
        }
        if (s.maxPerSecond() != null && s.maxPerSecond() < 1) {
            errors.add(new FieldError("maxPerSecond", "At least 1 message per second, or no limit"));
        }
        String password = sealed;
        if (s.password() != null) {
            if (s.password().isEmpty()) {
                password = "";
            } else if (secrets.isEmpty()) {
                errors.add(new FieldError("password", "A password cannot be saved: PORTEVOIX_SECRET (at least 32 characters)"
                        + " is not configured, and passwords are only stored encrypted"));
            } else {
                password = secrets.get().seal(MailRouting.SMTP_PASSWORD + id, s.password());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SmtpServerTable.Row(id, s.name(), s.host(), s.port(), s.security(), s.user(), password, s.weight(),
                s.maxPerSecond(), s.enabled(), clock.instant(), actor());
    }

    private static SmtpServer toServer(SmtpServerTable.Row r) {
        return new SmtpServer(r.id(), r.name(), r.host(), r.port(), r.security(), r.user(), !r.sealedPassword().isEmpty(),
                r.weight(), r.maxPerSecond(), r.enabled(), r.updatedAt(), r.updatedBy());
    }

    private static String describe(SmtpServerTable.Row r) {
        return r.host() + ":" + r.port() + " " + r.security() + (r.user().isEmpty() ? "" : " as " + r.user()) + ", weight "
                + r.weight() + (r.maxPerSecond() == null ? "" : ", at most " + r.maxPerSecond() + "/s")
                + (r.enabled() ? "" : ", disabled");
    }

    private void auditInCurrentAccount(String action, String target, String details) {
        if (TenantContext.currentAccount().isPresent()) {
            audit.record(action, target, details);
        }
    }

    private static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }
}
