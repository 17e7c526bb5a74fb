package io.portevoix.audience.adapter.jobrunr;

import io.portevoix.audience.adapter.jobrunr.handler.ExportContactsJobHandler;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** Writes one background export of one account. */
public record ExportContactsJob(UUID accountId, UUID exportId) implements JobRequest {

    @Override
    public Class<ExportContactsJobHandler> getJobRequestHandler() {
        return ExportContactsJobHandler.class;
    }
}
