package io.portevoix.tracking.application;

import io.portevoix.campaigns.CampaignId;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.HistoryRetention;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tracking.TrackingHistory;
import io.portevoix.tracking.application.port.Events;
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
 * Partitions ahead and retention of the hits. A campaign is summarized when its first hits pass
 * the retention: the summary holds all its hits of that moment, and its figures come from the
 * summary from then on (hits arriving later still show on members' records until they expire,
 * but no longer change the campaign's figures). Hits go in batches of {@value #DELETE_BATCH}.
 */
@Service
class TrackingHistoryService implements TrackingHistory {

    static final int MONTHS_AHEAD = 3;
    static final int DELETE_BATCH = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(TrackingHistoryService.class);

    private final Events events;
    private final AccountQueries accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrackingHistoryService(Events events, AccountQueries accounts, PlatformTransactionManager transactionManager, Clock clock) {
        this.events = events;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public int preparePartitions() {
        Integer created = transactions.execute(status -> events.preparePartitions(clock.instant(), MONTHS_AHEAD + 1));
        return created == null ? 0 : created;
    }

    @Override
    public void applyRetention() {
        Instant now = clock.instant();
        for (AccountSummary a : SystemActor.call("tracking retention", accounts::all)) {
            try {
                SystemActor.call("tracking retention", () -> {
                    TenantContext.runAs(a.id(), () -> retain(a.id(), accounts.historyRetention().cutoff(now), now));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("The tracking history of {} could not be trimmed", a.name(), e);
            }
        }
        Instant oldest = new HistoryRetention(HistoryRetention.MAX_MONTHS).cutoff(now).atZone(ZoneOffset.UTC)
                .withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        transactions.execute(status -> events.dropPartitionsBefore(oldest));
    }

    private void retain(AccountId account, Instant cutoff, Instant now) {
        List<CampaignId> campaigns = transactions.execute(status -> events.campaignsToSummarize(account, cutoff));
        for (CampaignId campaign : campaigns == null ? List.<CampaignId>of() : campaigns) {
            transactions.executeWithoutResult(status -> events.summarize(account, campaign, now));
        }
        Integer deleted;
        do {
            deleted = transactions.execute(status -> events.deleteBefore(account, cutoff, DELETE_BATCH));
        } while (deleted != null && deleted == DELETE_BATCH);
    }
}
