package io.portevoix.delivery.application;

import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.SuppressionCommands;
import io.portevoix.audience.SuppressionReason;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.RunContent;
import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.BounceReports;
import io.portevoix.delivery.ReportedBounce;
import io.portevoix.delivery.application.port.BounceInbox;
import io.portevoix.delivery.application.port.BounceMailbox;
import io.portevoix.delivery.domain.BounceTags;
import io.portevoix.delivery.spi.TrackingLinks;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounces, complaints and mailto unsubscribes. A report is attributed to one outbox message, by
 * the signed sub-address it was sent to (VERP) or else by the Message-ID of ours it quotes, and
 * kept in the platform inbox under its own id (a report read twice is kept once); reports naming
 * nothing of ours are dropped at once. Each account's worker then applies its reports, one
 * transaction each: the bounce is recorded and the message becomes BOUNCED, the member's record
 * shows the reason and date, and a mail to the unsubscribe address withdraws the consent through
 * tracking. Suppressions (hard bounces, complaints, and {@value #SOFT_IN_A_ROW} soft bounces on the
 * latest e-mails to an address) are committed each in their own transaction afterwards, as the
 * sender does with SMTP refusals, so that a refused suppression never undoes the rest. Webhook
 * reports are applied a few hundred milliseconds after they arrive; mailbox reports right after
 * the poll.
 */
@Service
class BounceService implements BounceReports, DisposableBean {

    static final int SOFT_IN_A_ROW = 3;
    static final int POLL_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BounceService.class);
    private static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final BounceInbox inbox;
    private final BounceMailbox mailbox;
    private final AccountQueries accounts;
    private final ContactCommands contacts;
    private final SuppressionCommands suppressions;
    private final CampaignQueries campaigns;
    private final ObjectProvider<TrackingLinks> tracking;
    private final DeliverySettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("bounces").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();

    BounceService(BounceInbox inbox, BounceMailbox mailbox, AccountQueries accounts, ContactCommands contacts,
            SuppressionCommands suppressions, CampaignQueries campaigns, ObjectProvider<TrackingLinks> tracking,
            DeliverySettings settings, PlatformTransactionManager transactionManager, Clock clock) {
        this.inbox = inbox;
        this.mailbox = mailbox;
        this.accounts = accounts;
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.campaigns = campaigns;
        this.tracking = tracking;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public boolean report(ReportedBounce bounce) {
        Optional<BounceTags.MessageRef> ref = BounceTags.messageRef(bounce.messageId());
        if (ref.isEmpty()) {
            return false;
        }
        // without the provider's id, the same type reported twice for one message is the same report
        String id = bounce.reportId().isEmpty() ? "webhook:" + bounce.messageId() + ":" + bounce.type()
                : "webhook:" + bounce.reportId();
        keep(new BounceInbox.Report(id, bounce.type().name(), ref.get().message(), new RunId(ref.get().run()),
                bounce.email(), bounce.reason(), "WEBHOOK", clock.instant()));
        soon();
        return true;
    }

    @Override
    public int pollMailbox() {
        Optional<BounceTags> tags = settings.bounceTags();
        int read = mailbox.configured() ? mailbox.read(POLL_LIMIT, mail -> understood(mail, tags.orElse(null))) : 0;
        apply();
        return read;
    }

    /** Keeps what a mail reports; false (left for a person) when it is about nothing of ours. */
    private boolean understood(BounceMailbox.Mail mail, @Nullable BounceTags tags) {
        Optional<BounceInbox.Report> report = attribute(mail, tags, clock.instant());
        report.ifPresent(this::keep);
        return report.isPresent();
    }

    /**
     * What a mail of the bounce box says about which message: a bounce or complaint names its
     * message by the tagged envelope sender it came back to, else by the original Message-ID it
     * quotes; a mail that is no report but was sent to a message's unsubscribe address is that
     * member's unsubscribe. Anything else (out-of-office, delay warnings, people writing) is nothing.
     */
    static Optional<BounceInbox.Report> attribute(BounceMailbox.Mail mail, @Nullable BounceTags tags, Instant now) {
        List<BounceTags.Tag> found = new ArrayList<>();
        if (tags != null) {
            mail.sentTo().forEach(address -> tags.read(address).ifPresent(found::add));
        }
        if (mail.kind() == BounceMailbox.Kind.OTHER) {
            return found.stream().filter(t -> t.purpose() == BounceTags.Purpose.UNSUBSCRIBE).findFirst()
                    .map(t -> new BounceInbox.Report("mail:" + mail.reportId(), "UNSUBSCRIBE", t.message(), null, "", "",
                            "MAILBOX", now));
        }
        Optional<BounceInbox.Report> byTag = found.stream().filter(t -> t.purpose() == BounceTags.Purpose.BOUNCE).findFirst()
                .map(t -> new BounceInbox.Report("mail:" + mail.reportId(), mail.kind().name(), t.message(), null,
                        mail.recipient(), mail.reason(), "MAILBOX", now));
        if (byTag.isPresent() || mail.originalMessageId() == null) {
            return byTag;
        }
        return BounceTags.messageRef(mail.originalMessageId()).map(ref -> new BounceInbox.Report("mail:" + mail.reportId(),
                mail.kind().name(), ref.message(), new RunId(ref.run()), mail.recipient(), mail.reason(), "MAILBOX", now));
    }

    private void keep(BounceInbox.Report report) {
        if (!transactions.execute(status -> inbox.add(report))) {
            LOG.debug("Report {} was already received", report.reportId());
        }
    }

    private void soon() {
        if (scheduled.compareAndSet(false, true)) {
            later.schedule(() -> {
                scheduled.set(false);
                try {
                    apply();
                } catch (RuntimeException e) {
                    LOG.warn("Bounce reports could not be applied yet; they are at the next poll", e);
                }
            }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public int apply() {
        int applied = 0;
        for (AccountSummary a : SystemActor.call("bounces", accounts::all)) {
            applied += SystemActor.call("bounces", () -> TenantContext.callAs(a.id(), () -> applyIn(a.id())));
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> inbox.prune(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
        return applied;
    }

    private int applyIn(AccountId account) {
        int applied = 0;
        while (true) {
            List<BounceInbox.Waiting> waiting = transactions.execute(status -> inbox.waiting(account, 200));
            if (waiting.isEmpty()) {
                return applied;
            }
            for (BounceInbox.Waiting report : waiting) {
                try {
                    // taken and applied in one transaction: a failure leaves the report waiting
                    Optional<Suppression> suppress = transactions.execute(status -> inbox.take(report.id(), clock.instant())
                            ? applyOne(account, report) : Optional.<Suppression>empty());
                    applied++;
                    suppress.ifPresent(s -> suppress(s, report));
                } catch (RuntimeException e) {
                    LOG.warn("Bounce report {} could not be applied; it is retried at the next poll", report.id(), e);
                    return applied;
                }
            }
        }
    }

    private record Suppression(String address, SuppressionReason reason, String comment) {
    }

    private Optional<Suppression> applyOne(AccountId account, BounceInbox.Waiting report) {
        if ("UNSUBSCRIBE".equals(report.kind())) {
            TrackingLinks links = tracking.getIfAvailable();
            Optional<RunContent> run = campaigns.runContent(report.run());
            if (links != null && run.isPresent()) {
                links.unsubscribe(report.campaign(), report.contact(), run.get().broadcastType());
            }
            return Optional.empty();
        }
        inbox.record(account, report);
        contacts.recordBounce(report.contact(), report.at(), report.reason());
        return switch (report.kind()) {
            case "HARD" -> Optional.of(new Suppression(report.address(), SuppressionReason.HARD_BOUNCE, report.reason()));
            case "COMPLAINT" -> Optional.of(new Suppression(report.address(), SuppressionReason.COMPLAINT, report.reason()));
            default -> inbox.softInARow(account, report.address(), SOFT_IN_A_ROW)
                    ? Optional.of(new Suppression(report.address(), SuppressionReason.HARD_BOUNCE,
                            SOFT_IN_A_ROW + " soft bounces in a row: " + report.reason()))
                    : Optional.empty();
        };
    }

    private void suppress(Suppression s, BounceInbox.Waiting report) {
        try {
            transactions.executeWithoutResult(status -> suppressions.add(s.address(), s.reason(), s.comment()));
        } catch (RuntimeException refused) {
            LOG.warn("The address of bounce report {} could not be suppressed", report.id(), refused);
        }
    }

    @Override
    public void destroy() {
        later.shutdownNow();
    }
}
