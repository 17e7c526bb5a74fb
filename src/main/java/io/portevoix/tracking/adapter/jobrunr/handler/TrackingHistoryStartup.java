package io.portevoix.tracking.adapter.jobrunr.handler;

import io.portevoix.tracking.TrackingHistory;
import io.portevoix.tracking.adapter.jobrunr.TrimTrackingHistoryJob;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up the coming months of the hits are created (a hit whose month has none would wait in
 * the default partition, never lost); then every day at 03:40 UTC the months ahead are checked
 * again and each account's history retention applied.
 */
@Component
class TrackingHistoryStartup {

    private final TrackingHistory history;
    private final JobRequestScheduler jobs;

    TrackingHistoryStartup(TrackingHistory history, JobRequestScheduler jobs) {
        this.history = history;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        history.preparePartitions();
        jobs.scheduleRecurrently("tracking-history", Cron.daily(3, 40), new TrimTrackingHistoryJob());
    }
}
