package io.portevoix.delivery.adapter.jobrunr.handler;

import io.portevoix.delivery.OutboxWorkers;
import io.portevoix.delivery.adapter.jobrunr.SweepOutboxJob;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Runs the periodic sweep of the outbox. */
@Component
public class SweepOutboxJobHandler implements JobRequestHandler<SweepOutboxJob> {

    private final OutboxWorkers workers;

    SweepOutboxJobHandler(OutboxWorkers workers) {
        this.workers = workers;
    }

    @Override
    @Job(name = "Sweep the outbox", retries = 0)
    public void run(SweepOutboxJob job) {
        workers.sweep();
    }
}
