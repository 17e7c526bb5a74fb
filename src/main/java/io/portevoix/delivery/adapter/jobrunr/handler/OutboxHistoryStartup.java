package io.portevoix.delivery.adapter.jobrunr.handler;

import io.portevoix.delivery.OutboxHistory;
import io.portevoix.delivery.adapter.jobrunr.TrimOutboxHistoryJob;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up the coming months of the outbox are created (a message whose month has none would
 * wait in the default partition, never lost); then every day at 03:10 UTC the months ahead are
 * checked again and each account's history retention applied.
 */
@Component
class OutboxHistoryStartup {

    private final OutboxHistory history;
    private final JobRequestScheduler jobs;

    OutboxHistoryStartup(OutboxHistory history, JobRequestScheduler jobs) {
        this.history = history;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        history.preparePartitions();
        jobs.scheduleRecurrently("outbox-history", Cron.daily(3, 10), new TrimOutboxHistoryJob());
    }
}
