package io.portevoix.delivery.adapter.jobrunr.handler;

import io.portevoix.delivery.OutboxWorkers;
import io.portevoix.delivery.adapter.jobrunr.PollBouncesJob;
import io.portevoix.delivery.adapter.jobrunr.SweepOutboxJob;
import java.time.Duration;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, messages a dead process left being sent become UNKNOWN before anything else
 * runs; then the outbox is swept now and every {@value #SWEEP_SECONDS} seconds, which resumes
 * interrupted runs, retries messages whose back-off is over and starts scheduled campaigns. The
 * bounce mailbox is read every {@value #BOUNCE_SECONDS} seconds (which also applies webhook
 * reports that could not be applied when they arrived).
 */
@Component
class OutboxStartup {

    static final int SWEEP_SECONDS = 20;
    static final int BOUNCE_SECONDS = 60;

    private final OutboxWorkers workers;
    private final JobRequestScheduler jobs;

    OutboxStartup(OutboxWorkers workers, JobRequestScheduler jobs) {
        this.workers = workers;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        workers.recover();
        jobs.scheduleRecurrently("outbox-sweep", Duration.ofSeconds(SWEEP_SECONDS), new SweepOutboxJob());
        jobs.enqueue(new SweepOutboxJob());
        jobs.scheduleRecurrently("bounce-mailbox", Duration.ofSeconds(BOUNCE_SECONDS), new PollBouncesJob());
    }
}
