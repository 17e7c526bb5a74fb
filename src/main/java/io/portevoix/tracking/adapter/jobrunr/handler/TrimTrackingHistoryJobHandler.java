package io.portevoix.tracking.adapter.jobrunr.handler;

import io.portevoix.tracking.TrackingHistory;
import io.portevoix.tracking.adapter.jobrunr.TrimTrackingHistoryJob;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Prepares the coming months of the hits, then applies each account's history retention. */
@Component
public class TrimTrackingHistoryJobHandler implements JobRequestHandler<TrimTrackingHistoryJob> {

    private final TrackingHistory history;

    TrimTrackingHistoryJobHandler(TrackingHistory history) {
        this.history = history;
    }

    @Override
    @Job(name = "Trim the tracking history", retries = 2)
    public void run(TrimTrackingHistoryJob job) {
        history.preparePartitions();
        history.applyRetention();
    }
}
