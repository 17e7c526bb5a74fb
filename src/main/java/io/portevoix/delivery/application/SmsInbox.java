package io.portevoix.delivery.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What gateways report, from their own threads: receipts and replies are written to the platform
 * inboxes at once (a crash after the write loses nothing), then matched to their account a few
 * hundred milliseconds later, and every 10 seconds in case that failed. A receipt updates its part and
 * message; a reply goes to the account that last sent an SMS to that number and onto the
 * member's timeline; STOP (and its usual variants) withdraws the member's consent to marketing
 * SMS and is confirmed by one SMS that costs no credit.
 */
@Service
class SmsInbox implements SmsListener, DisposableBean {

    static final Set<String> STOP_WORDS = Set.of("STOP", "STOP SMS", "STOPSMS", "ARRET", "ARRET SMS", "STOP PUB", "UNSUBSCRIBE");
    private static final Logger LOG = LoggerFactory.getLogger(SmsInbox.class);
    private static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final Messages messages;
    private final AccountQueries accounts;
    private final ContactCommands contactCommands;
    private final ContactQueries contacts;
    private final SmsGateways gateways;
    private final DeliverySettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService matcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("sms-inbox").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SmsInbox(Messages messages, AccountQueries accounts, ContactCommands contactCommands, ContactQueries contacts,
            SmsGateways gateways, DeliverySettings settings, PlatformTransactionManager transactionManager, Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.contactCommands = contactCommands;
        this.contacts = contacts;
        this.gateways = gateways;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        gateways.all().forEach(g -> g.listen(this));
        matcher.scheduleWithFixedDelay(this::matchQuietly, 10, 10, TimeUnit.SECONDS);
    }

    private void matchQuietly() {
        try {
            match();
        } catch (RuntimeException e) {
            LOG.warn("SMS receipts or replies could not be matched yet; retried in 10 s", e);
        }
    }

    @Override
    public void receipt(Receipt receipt) {
        transactions.executeWithoutResult(status -> messages.receiptArrived(receipt));
        soon();
    }

    @Override
    public void reply(Reply reply) {
        transactions.executeWithoutResult(status -> messages.replyArrived(reply));
        soon();
    }

    private void soon() {
        if (scheduled.compareAndSet(false, true)) {
            matcher.schedule(() -> {
                scheduled.set(false);
                matchQuietly();
            }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Matches every waiting receipt and reply to its account. */
    void match() {
        List<AccountSummary> all = SystemActor.call("sms inbox", accounts::all);
        for (AccountSummary a : all) {
            SystemActor.call("sms inbox", () -> TenantContext.callAs(a.id(),
                    () -> transactions.execute(status -> messages.applyReceipts(a.id()))));
        }
        transactions.executeWithoutResult(status -> messages.dropUnmatchedReceipts(clock.instant().minus(Duration.ofDays(1))));
        for (Messages.WaitingReply reply : transactions.execute(status -> messages.waitingReplies(500))) {
            SystemActor.call("sms reply", () -> {
                route(all, reply);
                return null;
            });
            transactions.executeWithoutResult(status -> messages.forgetReply(reply.id()));
        }
    }

    private void route(List<AccountSummary> all, Messages.WaitingReply reply) {
        AccountSummary to = null;
        Messages.LastSms last = null;
        for (AccountSummary a : all) {
            Optional<Messages.LastSms> sent = TenantContext.callAs(a.id(),
                    () -> transactions.execute(status -> messages.lastSmsTo(a.id(), reply.from())));
            if (sent.isPresent() && (last == null || sent.get().sentAt().isAfter(last.sentAt()))) {
                to = a;
                last = sent.get();
            }
        }
        if (to == null) {
            LOG.info("A reply from a number no account sent an SMS to was ignored");
            return;
        }
        AccountSummary account = to;
        Messages.LastSms target = last;
        boolean stop = isStop(reply.text());
        boolean withdrawn = TenantContext.callAs(account.id(), () -> transactions.execute(status -> {
            messages.recordReply(account.id(), target, reply.from(), reply.text(), stop, reply.at());
            if (!stop || contacts.find(target.contact()).isEmpty()) {
                return false;
            }
            contactCommands.update(target.contact(), ContactInput.builder().set(ContactField.CONSENTS,
                    Map.of(Channel.SMS, Map.of(BroadcastType.MARKETING, false))).build(), ConsentSource.SMS_REPLY);
            return true;
        }));
        if (withdrawn) {
            TenantContext.runAs(account.id(), () -> confirm(accounts.current(), reply.from()));
        }
    }

    /** The one free confirmation: sent straight to the gateway, outside any run, never charged. */
    private void confirm(io.portevoix.tenancy.AccountDetails account, String number) {
        Optional<SmsGateway> gateway = transactions.execute(status -> gateways.of(account.id()));
        if (gateway.isEmpty()) {
            return;
        }
        boolean english = "en".equals(account.locale().getLanguage());
        String text = english ? account.name() + ": you will no longer receive marketing SMS from us."
                : account.name() + " : vous ne recevrez plus nos SMS promotionnels.";
        try {
            gateway.get().submit(List.of(new OutgoingSms(0, settings.sms().sender(), number, text)));
        } catch (RuntimeException e) {
            LOG.warn("The STOP confirmation of {} could not be sent", account.name(), e);
        }
    }

    /** STOP, stop, Stop SMS, ARRÊT, « stop. » …: case, accents, punctuation and spacing do not matter. */
    static boolean isStop(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toUpperCase(Locale.ROOT);
        return STOP_WORDS.contains(plain);
    }

    @Override
    public void destroy() {
        matcher.shutdownNow();
    }
}
