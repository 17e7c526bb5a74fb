package io.portevoix.delivery.adapter.jobrunr;

import io.portevoix.delivery.adapter.jobrunr.handler.SweepOutboxJobHandler;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The periodic sweep: scheduled campaigns that are due, and runs with due messages. */
public record SweepOutboxJob() implements JobRequest {

    @Override
    public Class<SweepOutboxJobHandler> getJobRequestHandler() {
        return SweepOutboxJobHandler.class;
    }
}
