package io.portevoix.tracking.adapter.jobrunr;

import io.portevoix.tracking.adapter.jobrunr.handler.TrimTrackingHistoryJobHandler;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The daily upkeep of the tracking history: months ahead, each account's retention. */
public record TrimTrackingHistoryJob() implements JobRequest {

    @Override
    public Class<TrimTrackingHistoryJobHandler> getJobRequestHandler() {
        return TrimTrackingHistoryJobHandler.class;
    }
}
