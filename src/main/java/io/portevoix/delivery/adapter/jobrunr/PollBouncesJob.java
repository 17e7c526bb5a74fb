package io.portevoix.delivery.adapter.jobrunr;

import io.portevoix.delivery.adapter.jobrunr.handler.PollBouncesJobHandler;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The periodic read of the bounce mailbox, and the application of waiting bounce reports. */
public record PollBouncesJob() implements JobRequest {

    @Override
    public Class<PollBouncesJobHandler> getJobRequestHandler() {
        return PollBouncesJobHandler.class;
    }
}
