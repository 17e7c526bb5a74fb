package io.portevoix.delivery.application;

import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.SuppressionCommands;
import io.portevoix.audience.SuppressionReason;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.RunContent;
import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.OutboxWorkers;
import io.portevoix.delivery.application.port.DeliveryJobs;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.delivery.application.port.SmsSubmission;
import io.portevoix.delivery.domain.BounceTags;
import io.portevoix.templates.CompiledSms;
import io.portevoix.templates.SmsLength;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.templates.CompiledEmail;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.RecipientLinks;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.TemplateRenderer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.portevoix.delivery.spi.PreparedLinks;
import io.portevoix.delivery.spi.TrackingLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker of a send run: leases a batch of due messages (SKIP LOCKED, so workers never share
 * one; a lease of {@link #LEASE} that a dead process held lets the message be taken again),
 * renders and sends each, and records the outcome: SENT; PENDING again with an exponential
 * back-off after a 4xx or a lost connection; FAILED after a 5xx (the address is then suppressed
 * as a hard bounce) or after {@value #MAX_ATTEMPTS} attempts. E-mail is handed over in groups of
 * {@value #GROUPING} × {@code parallelism} messages, at most {@code parallelism} at a time: a
 * group is marked SENDING (committed, in the transaction that writes the outcomes known so far)
 * just before its messages are handed to the server. So a message the process dies with is either
 * still leased PENDING (never handed over: sent after restart) or SENDING (it may have left:
 * UNKNOWN at the next start, never sent twice by itself), and at most two groups of a worker are
 * SENDING at once: a crash leaves at most 2 × {@value #GROUPING} × parallelism UNKNOWN messages
 * per worker.
 */
@Service
class RunDelivery implements OutboxWorkers, io.portevoix.delivery.SentEmails {

    static final int BATCH = 200;
    static final int MAX_ATTEMPTS = 8;
    /**
     * How many times {@code parallelism} a group holds: one transaction per group writes the
     * outcomes of the one before and marks it SENDING, so a larger group means fewer commits (each
     * costs the database a WAL flush) and more messages UNKNOWN after a crash.
     */
    static final int GROUPING = 4;
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** How long a batch is reserved to its worker: longer than a batch takes, short enough to resume soon after a crash. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(RunDelivery.class);

    /** This process: SENDING rows claimed by any other claimer are orphans of a dead process. */
    static final String CLAIMER = UUID.randomUUID().toString();

    private final Messages messages;
    private final CampaignQueries campaigns;
    private final CampaignCommands campaignCommands;
    private final ContactQueries contacts;
    private final SuppressionCommands suppressions;
    private final TemplateRenderer renderer;
    private final MailRouting routing;
    private final DeliverySettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountQueries accounts;
    private final DeliveryJobs jobs;
    private final ObjectProvider<TrackingLinks> links;
    private final SmsGateways gateways;
    private final SmsSendingWindows windows;
    private final DkimSignatures signatures;
    /** The signed bounce sub-addresses, keyed once rather than for every message. */
    private final Optional<BounceTags> tags;

    RunDelivery(DkimSignatures signatures, SmsGateways gateways, SmsSendingWindows windows, ObjectProvider<TrackingLinks> links, AccountQueries accounts, DeliveryJobs jobs, Messages messages, CampaignQueries campaigns, CampaignCommands campaignCommands, ContactQueries contacts,
            SuppressionCommands suppressions, TemplateRenderer renderer, MailRouting routing, DeliverySettings settings,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.signatures = signatures;
        this.tags = settings.bounceTags();
        this.links = links;
        this.gateways = gateways;
        this.windows = windows;
        this.accounts = accounts;
        this.jobs = jobs;
        this.messages = messages;
        this.campaigns = campaigns;
        this.campaignCommands = campaignCommands;
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.renderer = renderer;
        this.routing = routing;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Sends the run's due messages until none is left or the campaign stops sending; returns how many were sent. */
    @Override
    public int deliver(RunId run) {
        AccountId account = TenantContext.requireAccount();
        Optional<RunContent> content = transactions.execute(status -> campaigns.runContent(run));
        if (content.isEmpty() || !content.get().delivering()) {
            return 0;
        }
        RunContent c = content.get();
        if (c.channel() == io.portevoix.audience.Channel.SMS) {
            return deliverSms(account, c);
        }
        // the links are found once in the campaign's HTML, not in every rendered message
        TrackingLinks signer = links.getIfAvailable();
        java.util.concurrent.atomic.AtomicReference<PreparedLinks> marked = new java.util.concurrent.atomic.AtomicReference<>();
        CompiledEmail email = transactions.execute(status -> signer == null ? compile(c) : renderer.compileEmail(
                content(c), c.broadcastType(), html -> {
                    marked.set(signer.prepare(c.campaign(), html));
                    return marked.get().html();
                }, text -> marked.get().markText(text)));
        PreparedLinks prepared = marked.get();
        Optional<io.portevoix.delivery.application.port.DkimSigning> dkim = signatures.forSender(account,
                c.content().fromEmail());
        return drain(account, c, batch -> send(account, c, email, prepared, dkim, batch));
    }

    private CompiledEmail compile(RunContent c) {
        return renderer.compileEmail(content(c), c.broadcastType());
    }

    private static EmailContent content(RunContent c) {
        return new EmailContent(c.content().subject(), c.content().preheader(), c.content().html(), null);
    }

    /** One member's e-mail of a run, with their own recipient links: the one rendering of the send and of the web version. */
    private static RenderedEmail render(RunContent c, CompiledEmail email, ContactDetails contact,
            @org.jspecify.annotations.Nullable TrackingLinks signer) {
        return email.render(contact, signer == null ? RecipientLinks.PREVIEW
                : signer.links(c.campaign(), contact.id(), c.broadcastType()));
    }

    @Override
    public Optional<RenderedEmail> asSent(io.portevoix.campaigns.CampaignId campaign, ContactId contact) {
        AccountId account = TenantContext.requireAccount();
        return transactions.execute(status -> {
            List<RunId> runs = campaigns.runs(campaign).stream().map(io.portevoix.campaigns.RunSummary::id).toList();
            return messages.lastSentRun(account, contact, runs).flatMap(campaigns::runContent)
                    .filter(c -> c.channel() == io.portevoix.audience.Channel.EMAIL)
                    .flatMap(c -> contacts.find(contact).map(member -> render(c, compile(c), member, links.getIfAvailable())));
        });
    }

    /** Claims and hands over batches while the campaign is sending, then settles the run if nothing is left. */
    private int drain(AccountId account, RunContent c, java.util.function.ToIntFunction<List<Messages.Claimed>> sender) {
        int sent = 0;
        while (true) {
            List<Messages.Claimed> batch = transactions.execute(status -> {
                if (!campaigns.delivering(c.run())) {
                    return List.<Messages.Claimed>of();
                }
                Instant now = clock.instant();
                return messages.claim(account, c.run(), BATCH, CLAIMER, now, now.plus(LEASE));
            });
            if (batch.isEmpty()) {
                break;
            }
            sent += sender.applyAsInt(batch);
        }
        finishIfDone(account, c.run());
        return sent;
    }

    private int deliverSms(AccountId account, RunContent c) {
        Optional<SmsGateway> gateway = transactions.execute(status -> gateways.of(account));
        int maxParts = transactions.execute(status -> gateways.maxParts(account));
        if (gateway.isEmpty()) {
            LOG.warn("Run {} waits: no SMS gateway is configured", c.run());
            return 0;
        }
        CompiledSms sms = transactions.execute(status -> renderer.compileSms(c.content().text(), c.broadcastType()));
        String sender = c.content().senderId().isEmpty() ? settings.sms().sender() : c.content().senderId();
        return drain(account, c, batch -> sendSms(account, c, sms, gateway.get(), sender, maxParts, batch));
    }

    /**
     * One batch of SMS: members read at once; marketing SMS outside the recipient's sending window
     * wait for its next slot (without counting an attempt); texts rendered, their links shortened,
     * then the whole batch handed to the gateway, which answers one outcome per message.
     */
    private int sendSms(AccountId account, RunContent c, CompiledSms sms, SmsGateway gateway, String sender, int maxParts,
            List<Messages.Claimed> batch) {
        Optional<Map<ContactId, ContactDetails>> members = members(account, c, batch);
        if (members.isEmpty()) {
            return 0;
        }
        Map<ContactId, ContactDetails> byId = members.get();
        Instant now = clock.instant();
        List<Runnable> outcomes = new ArrayList<>();
        List<Messages.Claimed> ready = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        TrackingLinks signer = links.getIfAvailable();
        for (Messages.Claimed message : batch) {
            ContactDetails contact = byId.get(message.contact());
            if (contact == null) {
                outcomes.add(() -> messages.failed(account, message.id(), "The contact was erased before the send"));
                continue;
            }
            Instant slot = windows.nextSlot(account, message.address(), c.broadcastType(), now);
            if (slot.isAfter(now)) {
                outcomes.add(() -> messages.postpone(account, message.id(), slot));
                continue;
            }
            try {
                texts.add(sms.render(contact, signer == null ? RecipientLinks.PREVIEW
                        : signer.links(c.campaign(), contact.id(), c.broadcastType())));
                ready.add(message);
            } catch (RuntimeException e) {
                LOG.warn("Message {} of run {} could not be prepared", message.id(), c.run(), e);
                outcomes.add(() -> messages.failed(account, message.id(), "Could not be prepared: " + e.getMessage()));
            }
        }
        Map<Long, List<String>> accepted = new java.util.LinkedHashMap<>();
        if (!ready.isEmpty()) {
            List<String> sent = signer == null ? texts : transactions.execute(status -> signer.shortenSms(c.campaign(),
                    ready.stream().map(Messages.Claimed::contact).toList(), texts));
            List<OutgoingSms> outgoing = new ArrayList<>();
            List<Messages.Claimed> submitted = new ArrayList<>();
            for (int i = 0; i < ready.size(); i++) {
                Messages.Claimed message = ready.get(i);
                int parts = SmsLength.parts(sent.get(i));
                if (parts > maxParts) {
                    outcomes.add(() -> messages.failed(account, message.id(), "The personalised text needs " + parts
                            + " parts, more than the account's " + maxParts));
                    continue;
                }
                outgoing.add(new OutgoingSms(message.id(), sender, message.address(), sent.get(i)));
                submitted.add(message);
            }
            java.util.Set<Long> ours = transactions.execute(status -> messages.sending(account,
                    submitted.stream().map(Messages.Claimed::id).toList(), CLAIMER));
            List<Integer> dropped = new ArrayList<>();
            for (int i = submitted.size() - 1; i >= 0; i--) {
                if (!ours.contains(submitted.get(i).id())) {
                    dropped.add(i);
                }
            }
            for (int i : dropped) {
                // its lease ran out and another worker took it
                submitted.remove(i);
                outgoing.remove(i);
            }
            List<SmsSubmission> answers;
            try {
                answers = outgoing.isEmpty() ? List.of() : gateway.submit(outgoing);
            } catch (RuntimeException e) {
                // an adapter must answer per message; one that throws may have sent some: none is resent by itself
                LOG.error("The {} gateway failed on a batch of run {}", gateway.name(), c.run(), e);
                answers = outgoing.stream().map(o -> SmsSubmission.uncertain("Gateway error: " + e.getMessage())).toList();
            }
            for (int i = 0; i < submitted.size(); i++) {
                Messages.Claimed message = submitted.get(i);
                SmsSubmission answer = i < answers.size() ? answers.get(i) : SmsSubmission.uncertain("No answer from the gateway");
                String reason = answer.reason().length() > 1_000 ? answer.reason().substring(0, 1_000) : answer.reason();
                switch (answer.outcome()) {
                    case ACCEPTED -> accepted.put(message.id(), answer.gatewayIds());
                    case FAILED -> outcomes.add(() -> messages.failed(account, message.id(), reason));
                    case UNCERTAIN -> outcomes.add(() -> messages.uncertain(account, message.id(), reason));
                    case RETRY -> outcomes.add(retryLater(account, message, reason));
                }
            }
        }
        Instant at = clock.instant();
        transactions.executeWithoutResult(status -> {
            messages.smsSent(account, gateway.name(), accepted, at);
            outcomes.forEach(Runnable::run);
        });
        return accepted.size();
    }

    private Runnable retryLater(AccountId account, Messages.Claimed message, String error) {
        if (message.attempts() >= MAX_ATTEMPTS) {
            return () -> messages.failed(account, message.id(), "Gave up after " + MAX_ATTEMPTS + " attempts: " + error);
        }
        Duration wait = backoff(settings.retryBase(), message.attempts());
        return () -> messages.retry(account, message.id(), clock.instant().plus(wait), error);
    }

    /**
     * The members of a batch, or nothing when they could not be read: nothing was handed to a
     * server yet, so the whole batch waits for a later attempt.
     */
    private Optional<Map<ContactId, ContactDetails>> members(AccountId account, RunContent c, List<Messages.Claimed> batch) {
        try {
            return Optional.of(transactions.execute(status -> contacts.findAll(
                    batch.stream().map(Messages.Claimed::contact).toList())).stream()
                    .collect(Collectors.toMap(ContactDetails::id, Function.identity())));
        } catch (RuntimeException e) {
            LOG.warn("Members of a batch of run {} could not be read; retried later", c.run(), e);
            Instant later = clock.instant().plus(backoff(settings.retryBase(), 1));
            transactions.executeWithoutResult(status -> batch.forEach(m -> messages.retry(account, m.id(), later,
                    "Could not read the member: " + e.getMessage())));
            return Optional.empty();
        }
    }

    /** The handovers of a group, to wait for. */
    private record Group(java.util.concurrent.Phaser handovers) {

        static final Group DONE = new Group(new java.util.concurrent.Phaser(0));

        void awaitUninterruptibly() {
            if (handovers.getRegisteredParties() > 0) {
                handovers.awaitAdvance(handovers.getPhase());
            }
        }
    }

    /** A message of a batch, rendered. */
    private record Prepared(Messages.Claimed message, OutgoingMail mail) {
    }

    /**
     * One batch of e-mail: members read at once; messages rendered a group of {@value #GROUPING} ×
     * {@code parallelism} at a time; before a group is handed over, the outcomes known so far are
     * written and the group is marked SENDING, in one transaction; then its messages go to a server
     * of the run's route, at most {@code parallelism} in flight (on virtual threads), while the
     * next group is rendered; that one is marked once the group before this one is done.
     * A handover that fails unexpectedly (not a refusal the transport understood) may have left: it
     * ends UNKNOWN rather than being sent again.
     */
    private int send(AccountId account, RunContent c, CompiledEmail email, @org.jspecify.annotations.Nullable PreparedLinks prepared,
            Optional<io.portevoix.delivery.application.port.DkimSigning> dkim, List<Messages.Claimed> batch) {
        Optional<Map<ContactId, ContactDetails>> members = members(account, c, batch);
        if (members.isEmpty()) {
            return 0;
        }
        Map<ContactId, ContactDetails> byId = members.get();
        MailRouting.Route route = transactions.execute(status -> routing.route(account, c.smtpServers()));
        java.util.Queue<Long> sent = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<Runnable> outcomes = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<String[]> bounced = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        EmailAddress from = new EmailAddress(c.content().fromEmail());
        EmailAddress replyTo = c.content().replyTo().isEmpty() ? null : new EmailAddress(c.content().replyTo());
        String host = Optional.ofNullable(URI.create(settings.publicUrl()).getHost()).orElse("localhost");
        TrackingLinks signer = links.getIfAvailable();
        int parallelism = settings.smtp().parallelism();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(parallelism);
        try (var handovers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<Prepared> group = new ArrayList<>();
            Group older = Group.DONE;
            Group last = Group.DONE;
            for (Messages.Claimed message : batch) {
                ContactDetails contact = byId.get(message.contact());
                if (contact == null) {
                    outcomes.add(() -> messages.failed(account, message.id(), "The contact was erased before the send"));
                } else {
                    try {
                        group.add(new Prepared(message, mail(account, c, email, signer, prepared, contact, from, replyTo,
                                message, host).signedWith(dkim)));
                    } catch (RuntimeException e) {
                        LOG.warn("Message {} of run {} could not be prepared", message.id(), c.run(), e);
                        outcomes.add(() -> messages.failed(account, message.id(), "Could not be prepared: " + e.getMessage()));
                    }
                }
                if (group.size() == GROUPING * parallelism || message == batch.getLast()) {
                    // the group before the last one is done: with this one, at most two groups are SENDING
                    older.awaitUninterruptibly();
                    // one transaction: the outcomes known so far, then the group marked SENDING
                    java.util.Set<Long> ours = writeOutcomes(account, sent, outcomes,
                            group.stream().map(p -> p.message().id()).toList());
                    // its lease ran out and another worker took it
                    group.removeIf(p -> !ours.contains(p.message().id()));
                    java.util.concurrent.Phaser handedOver = new java.util.concurrent.Phaser(group.size());
                    for (Prepared p : group) {
                        Messages.Claimed m = p.message();
                        OutgoingMail mail = p.mail();
                        handovers.execute(() -> {
                            inFlight.acquireUninterruptibly();
                            try {
                                route.send(mail);
                                sent.add(m.id());
                                accepted.incrementAndGet();
                            } catch (MailTransport.MailTransportException e) {
                                outcomes.add(failure(account, m, e, bounced));
                            } catch (RuntimeException e) {
                                LOG.error("Message {} of run {} failed while being handed over", m.id(), c.run(), e);
                                outcomes.add(() -> messages.uncertain(account, m.id(), "Failed while being handed over: "
                                        + e.getMessage()));
                            } finally {
                                inFlight.release();
                                handedOver.arriveAndDeregister();
                            }
                        });
                    }
                    older = last;
                    last = new Group(handedOver);
                    group.clear();
                }
            }
        }
        writeOutcomes(account, sent, outcomes, List.of());
        // each hard bounce suppressed in its own transaction: a refusal there never undoes the outcomes above
        for (String[] bounce : bounced) {
            try {
                transactions.executeWithoutResult(status -> suppressions.add(bounce[0], SuppressionReason.HARD_BOUNCE,
                        bounce[1]));
            } catch (RuntimeException refused) {
                LOG.warn("The hard-bounced address of run {} could not be suppressed", c.run(), refused);
            }
        }
        return accepted.get();
    }

    /**
     * Writes the outcomes known so far together (taking them out of the queues) and marks the next
     * group SENDING, in one transaction; answers the messages of the group that are still this
     * worker's (a message whose lease ran out may have been taken by another).
     */
    private java.util.Set<Long> writeOutcomes(AccountId account, java.util.Queue<Long> sent, java.util.Queue<Runnable> outcomes,
            List<Long> next) {
        List<Long> ids = new ArrayList<>();
        List<Runnable> others = new ArrayList<>();
        for (Long id; (id = sent.poll()) != null; ) {
            ids.add(id);
        }
        for (Runnable o; (o = outcomes.poll()) != null; ) {
            others.add(o);
        }
        if (ids.isEmpty() && others.isEmpty() && next.isEmpty()) {
            return java.util.Set.of();
        }
        Instant now = clock.instant();
        return transactions.execute(status -> {
            messages.sent(account, ids, now);
            others.forEach(Runnable::run);
            return messages.sending(account, next, CLAIMER);
        });
    }

    /** The message as its recipient gets it: rendered, links signed, with the headers of a campaign. */
    private OutgoingMail mail(AccountId account, RunContent c, CompiledEmail email, @org.jspecify.annotations.Nullable TrackingLinks signer,
            @org.jspecify.annotations.Nullable PreparedLinks prepared, ContactDetails contact, EmailAddress from, @org.jspecify.annotations.Nullable EmailAddress replyTo,
            Messages.Claimed message, String host) {
        RenderedEmail rendered = render(c, email, contact, signer);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Feedback-ID", c.campaign() + ":" + account.value() + ":"
                + c.broadcastType().name().toLowerCase(java.util.Locale.ROOT) + ":porte-voix");
        if (signer != null && c.broadcastType() != io.portevoix.audience.BroadcastType.LEGAL) {
            headers.put("List-Unsubscribe", "<" + signer.oneClickUnsubscribe(c.campaign(), contact.id(),
                    c.broadcastType()) + ">" + tags.map(t -> ", <mailto:" + t.address(BounceTags.Purpose.UNSUBSCRIBE,
                    message.id()) + "?subject=unsubscribe>").orElse(""));
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        String html = prepared == null ? rendered.html() : prepared.sign(rendered.html(), contact.id());
        String text = prepared == null ? rendered.text() : prepared.signText(rendered.text(), contact.id());
        return new OutgoingMail(from, c.content().fromName(), new EmailAddress(message.address()), rendered.subject(),
                text, html, "<m" + message.id() + "." + c.run() + "@" + host + ">", replyTo, headers,
                tags.map(t -> new EmailAddress(t.address(BounceTags.Purpose.BOUNCE, message.id()))).orElse(null));
    }

    private Runnable failure(AccountId account, Messages.Claimed message, MailTransport.MailTransportException e,
            List<String[]> bounced) {
        String error = e.getMessage() == null ? "" : e.getMessage().substring(0, Math.min(1_000, e.getMessage().length()));
        if (e.permanent()) {
            return () -> {
                messages.failed(account, message.id(), error);
                bounced.add(new String[] {message.address(), error});
            };
        }
        return retryLater(account, message, error);
    }

    /** {@code base} (30 s by default), then doubling at each attempt (1 min, 2 min, …), at most 1 hour. */
    static Duration backoff(Duration base, int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 7));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void finishIfDone(AccountId account, RunId run) {
        if (transactions.execute(status -> messages.figures(account, run)).finished()) {
            campaignCommands.runFinished(run);
        }
    }

    @Override
    public void recover() {
        for (AccountSummary a : SystemActor.call("delivery recovery", accounts::all)) {
            int[] recovered = SystemActor.call("delivery recovery", () -> TenantContext.callAs(a.id(),
                    () -> transactions.execute(status -> new int[] {messages.orphansToUnknown(a.id(), CLAIMER),
                            messages.releaseOrphanLeases(a.id(), CLAIMER, clock.instant())})));
            if (recovered[0] > 0) {
                LOG.warn("{} messages of {} were being sent when the process stopped: marked UNKNOWN", recovered[0], a.name());
            }
            if (recovered[1] > 0) {
                LOG.info("{} messages of {} claimed by the stopped process are due again", recovered[1], a.name());
            }
        }
    }

    @Override
    public void sweep() {
        for (AccountSummary a : SystemActor.call("delivery sweep", accounts::all)) {
            SystemActor.call("delivery sweep", () -> {
                TenantContext.runAs(a.id(), () -> {
                    try {
                        campaignCommands.startDue();
                    } catch (RuntimeException e) {
                        LOG.warn("Scheduled campaigns of {} could not start", a.name(), e);
                    }
                    transactions.execute(status -> messages.runsWithDueMessages(a.id(), clock.instant()))
                            .forEach(run -> jobs.deliver(a.id(), run));
                });
                return null;
            });
        }
    }
}
