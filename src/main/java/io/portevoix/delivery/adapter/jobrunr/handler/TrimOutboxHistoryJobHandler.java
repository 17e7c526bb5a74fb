package io.portevoix.delivery.adapter.jobrunr.handler;

import io.portevoix.delivery.OutboxHistory;
import io.portevoix.delivery.adapter.jobrunr.TrimOutboxHistoryJob;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Prepares the coming months of the outbox, then applies each account's history retention. */
@Component
public class TrimOutboxHistoryJobHandler implements JobRequestHandler<TrimOutboxHistoryJob> {

    private final OutboxHistory history;

    TrimOutboxHistoryJobHandler(OutboxHistory history) {
        this.history = history;
    }

    @Override
    @Job(name = "Trim the message history", retries = 2)
    public void run(TrimOutboxHistoryJob job) {
        history.preparePartitions();
        history.applyRetention();
    }
}
