package io.portevoix.delivery.application;

import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.OutboxHistory;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.HistoryRetention;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partitions ahead and retention of the outbox. A run's messages are all created at the same
 * instant, so retention takes a run whole: its figures are kept in one transaction, then its
 * messages go in batches of {@value #DELETE_BATCH} (each its own transaction, so a large first
 * clean-up does not hold one huge transaction).
 */
@Service
class OutboxHistoryService implements OutboxHistory {

    static final int MONTHS_AHEAD = 3;
    static final int DELETE_BATCH = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxHistoryService.class);

    private final Messages messages;
    private final AccountQueries accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxHistoryService(Messages messages, AccountQueries accounts, PlatformTransactionManager transactionManager, Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public int preparePartitions() {
        Integer created = transactions.execute(status -> messages.preparePartitions(clock.instant(), MONTHS_AHEAD + 1));
        return created == null ? 0 : created;
    }

    @Override
    public void applyRetention() {
        Instant now = clock.instant();
        for (AccountSummary a : SystemActor.call("outbox retention", accounts::all)) {
            try {
                SystemActor.call("outbox retention", () -> {
                    TenantContext.runAs(a.id(), () -> retain(a.id(), accounts.historyRetention().cutoff(now), now));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("The message history of {} could not be trimmed", a.name(), e);
            }
        }
        Instant oldest = new HistoryRetention(HistoryRetention.MAX_MONTHS).cutoff(now).atZone(ZoneOffset.UTC)
                .withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        transactions.execute(status -> messages.dropPartitionsBefore(oldest));
    }

    private void retain(AccountId account, Instant cutoff, Instant now) {
        List<RunId> runs = transactions.execute(status -> messages.runsToSummarize(account, cutoff));
        for (RunId run : runs == null ? List.<RunId>of() : runs) {
            transactions.executeWithoutResult(status -> messages.summarize(account, run, now));
        }
        Integer deleted;
        do {
            deleted = transactions.execute(status -> messages.deleteCreatedBefore(account, cutoff, DELETE_BATCH));
        } while (deleted != null && deleted == DELETE_BATCH);
    }
}
