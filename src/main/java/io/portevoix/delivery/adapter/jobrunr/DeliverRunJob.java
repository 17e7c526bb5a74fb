package io.portevoix.delivery.adapter.jobrunr;

import io.portevoix.delivery.adapter.jobrunr.handler.DeliverRunJobHandler;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** One worker of one send run of one account. */
public record DeliverRunJob(UUID accountId, UUID runId) implements JobRequest {

    @Override
    public Class<DeliverRunJobHandler> getJobRequestHandler() {
        return DeliverRunJobHandler.class;
    }
}
