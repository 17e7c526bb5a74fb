package io.portevoix.delivery.application;

import io.github.bucket4j.Bucket;
import io.portevoix.delivery.application.port.EmailAccountSettings;
import io.portevoix.delivery.application.port.MailServer;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.MailTransport.MailTransportException;
import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.delivery.application.port.SmtpServerTable;
import io.portevoix.delivery.domain.SecretBox;
import io.portevoix.delivery.domain.ServerHealth;
import io.portevoix.delivery.domain.WeightedRotation;
import io.portevoix.shared.AccountId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which SMTP servers a message leaves through. The set: the campaign's servers, else the
 * account's (Settings → E-mail), else every enabled server, else the built-in one; servers no
 * longer enabled are left out of a choice. Messages are spread over the set by weight (smooth
 * weighted round-robin, one rotation per set shared by every worker of this process). A server
 * that fails as a server (no connection, 421, refused login, see {@link
 * MailTransportException#serverFault()}) is marked down for a back-off ({@code retry-base},
 * doubling, at most 16 times it) and the message is offered at once to the next server up; only
 * when none is left does the failure reach the caller, who retries later. A 4xx or 5xx for the
 * message itself is not a server's fault and is not failed over.
 *
 * <p>Rate limits (Bucket4j, off by default): a server's most messages per second, and an
 * account's per second, minute and hour. A sender waits for its tokens. The buckets live in this
 * process: several application instances each apply the limits.
 */
@Component
class MailRouting {

    static final String SMTP_PASSWORD = "smtp-password:";
    private static final Logger LOG = LoggerFactory.getLogger(MailRouting.class);

    private final SmtpServerTable table;
    private final EmailAccountSettings accounts;
    private final MailTransport transport;
    private final Optional<SecretBox> secrets;
    private final Clock clock;
    private final ServerHealth health;
    private final Map<List<WeightedRotation.Weighted>, WeightedRotation> rotations = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    MailRouting(SmtpServerTable table, EmailAccountSettings accounts, MailTransport transport, DeliverySettings settings,
            Clock clock) {
        this.table = table;
        this.accounts = accounts;
        this.transport = transport;
        this.secrets = settings.secretBox();
        this.clock = clock;
        this.health = new ServerHealth(settings.retryBase(), settings.retryBase().multipliedBy(16));
    }

    /** Whether mail can leave at all: an enabled server is configured, or the built-in one exists. */
    boolean available() {
        return table.all().stream().anyMatch(SmtpServerTable.Row::enabled) || transport.builtIn().isPresent();
    }

    /**
     * The route of a send (read in a transaction; with the account bound when there is one, so
     * that its choice and limits apply). {@code campaignServers} empty: the account's choice.
     */
    Route route(@Nullable AccountId account, List<UUID> campaignServers) {
        List<SmtpServerTable.Row> enabled = table.all().stream().filter(SmtpServerTable.Row::enabled).toList();
        EmailAccountSettings.Options options = account == null ? EmailAccountSettings.Options.NONE
                : accounts.find(account).orElse(EmailAccountSettings.Options.NONE);
        List<SmtpServerTable.Row> chosen = among(enabled, campaignServers);
        if (chosen.isEmpty()) {
            chosen = among(enabled, options.servers());
        }
        if (chosen.isEmpty()) {
            chosen = enabled;
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (SmtpServerTable.Row row : chosen) {
            server(row).ifPresent(server -> targets.put(server.id(), new Target(server, row.weight(),
                    row.maxPerSecond() == null ? null : bucket("server:" + row.id() + ":" + row.maxPerSecond(),
                            row.maxPerSecond(), null, null))));
        }
        if (targets.isEmpty()) {
            transport.builtIn().ifPresent(server -> targets.put(server.id(), new Target(server, 1, null)));
        }
        List<WeightedRotation.Weighted> weights = targets.values().stream()
                .map(t -> new WeightedRotation.Weighted(t.server().id(), t.weight())).toList();
        Bucket accountLimit = account == null || (options.perSecond() == null && options.perMinute() == null
                && options.perHour() == null) ? null : bucket("account:" + account.value() + ":" + options.perSecond() + ":"
                + options.perMinute() + ":" + options.perHour(), options.perSecond(), options.perMinute(), options.perHour());
        return new Route(targets, rotations.computeIfAbsent(weights, WeightedRotation::new), accountLimit);
    }

    /** The rows of {@code ids}, in the table's order; none when {@code ids} is empty. */
    private static List<SmtpServerTable.Row> among(List<SmtpServerTable.Row> rows, List<UUID> ids) {
        Set<UUID> wanted = Set.copyOf(ids);
        return rows.stream().filter(r -> wanted.contains(r.id())).toList();
    }

    private Optional<MailServer> server(SmtpServerTable.Row row) {
        String password = "";
        if (!row.sealedPassword().isEmpty()) {
            try {
                password = secrets.orElseThrow(() -> new IllegalStateException("PORTEVOIX_SECRET is not set"))
                        .open(SMTP_PASSWORD + row.id(), row.sealedPassword());
            } catch (RuntimeException e) {
                LOG.warn("SMTP server {} is left out: its password cannot be decrypted ({})", row.name(), e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new MailServer(row.id().toString(), row.host(), row.port(), row.security(), row.user(), password));
    }

    /** A token bucket, shared by every route with the same key (a changed limit is a new key). */
    private Bucket bucket(String key, @Nullable Integer perSecond, @Nullable Integer perMinute, @Nullable Integer perHour) {
        return buckets.computeIfAbsent(key, k -> {
            var builder = Bucket.builder();
            if (perSecond != null) {
                // a burst of at most a tenth of a second's worth, so that the rate holds over short spans too
                builder.addLimit(l -> l.capacity(Math.max(1, perSecond / 10)).refillGreedy(perSecond, Duration.ofSeconds(1)));
            }
            if (perMinute != null) {
                builder.addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)));
            }
            if (perHour != null) {
                builder.addLimit(l -> l.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)));
            }
            return builder.build();
        });
    }

    private record Target(MailServer server, int weight, @Nullable Bucket limit) {
    }

    /** The servers of one send and how to pick among them; safe to use from several threads. */
    final class Route {

        private final Map<String, Target> targets;
        private final WeightedRotation rotation;
        private final @Nullable Bucket accountLimit;

        private Route(Map<String, Target> targets, WeightedRotation rotation, @Nullable Bucket accountLimit) {
            this.targets = targets;
            this.rotation = rotation;
            this.accountLimit = accountLimit;
        }

        boolean available() {
            return !targets.isEmpty();
        }

        /** The ids of the route's servers, in the table's order. */
        List<String> servers() {
            return List.copyOf(targets.keySet());
        }

        /**
         * Hands the message to the next server up, failing over to the others; returns the id of
         * the server that took it. Throws the last failure when no server took it.
         */
        String send(OutgoingMail mail) {
            if (targets.isEmpty()) {
                throw new MailTransportException("No mail server is configured (PORTEVOIX_SMTP_HOST or Administration"
                        + " → SMTP servers)", null, false, true);
            }
            take(accountLimit);
            Set<String> tried = new HashSet<>();
            MailTransportException last = null;
            while (true) {
                Optional<String> next = rotation.next(id -> !tried.contains(id) && health.up(id, clock.instant()));
                if (next.isEmpty()) {
                    throw last != null ? last : new MailTransportException("Every mail server of this send is down"
                            + " (tried again after a back-off)", null, false, true);
                }
                Target target = targets.get(next.get());
                tried.add(next.get());
                take(target.limit());
                try {
                    transport.send(target.server(), mail);
                    health.succeeded(target.server().id());
                    return target.server().id();
                } catch (MailTransportException e) {
                    if (!e.serverFault()) {
                        throw e;
                    }
                    var until = health.failed(target.server().id(), clock.instant());
                    LOG.warn("SMTP server {} failed, left alone until {}: {}", target.server(), until, e.getMessage());
                    last = e;
                }
            }
        }

        private static void take(@Nullable Bucket bucket) {
            if (bucket == null) {
                return;
            }
            try {
                bucket.asBlocking().consume(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MailTransportException("Interrupted while waiting for the sending rate", e, false, false);
            }
        }
    }
}
