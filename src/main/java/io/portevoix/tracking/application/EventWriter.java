package io.portevoix.tracking.application;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tracking.application.port.Events;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens and clicks are handed here and the request answers at once; a single writer commits what
 * has arrived every {@value #FLUSH_MILLIS} ms, one batch per account (its row-level security), and
 * everything left when the application stops. A hard crash loses at most the last window.
 */
@Component
class EventWriter {

    static final int FLUSH_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    private final Events events;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<Events.Event> queue = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tracking-writer").daemon().factory());

    EventWriter(Events events, PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        // a flush asked for from inside a (read-only) transaction writes in its own
        this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        flusher.scheduleAtFixedRate(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(Events.Event event) {
        queue.add(event);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Tracking events could not be written; they are retried", e);
        }
    }

    /** Writes every queued event; those of a failed batch go back to the queue. */
    synchronized void flush() {
        List<Events.Event> batch = new ArrayList<>();
        for (Events.Event e; (e = queue.poll()) != null; ) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<AccountId, List<Events.Event>> byAccount = batch.stream().collect(Collectors.groupingBy(Events.Event::account));
        byAccount.forEach((account, list) -> {
            try {
                SystemActor.call("tracking", () -> TenantContext.callAs(account, () -> transactions.execute(status -> {
                    events.insert(account, list);
                    return null;
                })));
            } catch (RuntimeException e) {
                queue.addAll(list);
                throw e;
            }
            try {
                SystemActor.call("tracking", () -> TenantContext.callAs(account, () -> transactions.execute(status -> {
                    flagBursts(account, list);
                    return null;
                })));
            } catch (RuntimeException e) {
                // the hits are written; only the burst flag of these clicks is missed
                LOG.warn("The burst rule could not be applied to a batch of tracking events", e);
            }
        });
    }

    /**
     * The burst rule over the recipients who clicked in this batch, looking back one window before
     * its first click: clicks of the same message written by an earlier batch are flagged with them.
     */
    private void flagBursts(AccountId account, List<Events.Event> batch) {
        List<Events.Event> clicks = batch.stream().filter(e -> e.kind().equals("CLICK")).toList();
        if (clicks.isEmpty()) {
            return;
        }
        java.time.Instant first = clicks.stream().map(Events.Event::at).min(java.util.Comparator.naturalOrder()).orElseThrow();
        events.flagBursts(account, clicks.stream().map(e -> new Events.Recipient(e.campaign(), e.contact()))
                .collect(Collectors.toSet()), first.minus(MachineRules.BURST), MachineRules.BURST, MachineRules.BURST_LINKS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(5, TimeUnit.SECONDS);
        flush();
    }
}
