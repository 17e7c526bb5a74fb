package io.portevoix.audience.adapter.jobrunr;

import io.portevoix.audience.adapter.jobrunr.handler.ImportContactsJobHandler;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * Processes one import of one account: the job's stored form, shared by the scheduler that
 * enqueues it and the handler that runs it.
 */
public record ImportContactsJob(UUID accountId, UUID importId) implements JobRequest {

    @Override
    public Class<ImportContactsJobHandler> getJobRequestHandler() {
        return ImportContactsJobHandler.class;
    }
}
