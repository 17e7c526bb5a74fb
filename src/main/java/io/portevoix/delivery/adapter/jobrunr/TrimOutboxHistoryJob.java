package io.portevoix.delivery.adapter.jobrunr;

import io.portevoix.delivery.adapter.jobrunr.handler.TrimOutboxHistoryJobHandler;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The daily upkeep of the outbox's history: months ahead, each account's retention. */
public record TrimOutboxHistoryJob() implements JobRequest {

    @Override
    public Class<TrimOutboxHistoryJobHandler> getJobRequestHandler() {
        return TrimOutboxHistoryJobHandler.class;
    }
}
