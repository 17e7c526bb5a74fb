package io.portevoix.delivery.adapter.jobrunr.handler;

import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.OutboxWorkers;
import io.portevoix.delivery.adapter.jobrunr.DeliverRunJob;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Runs one worker of a send run for its account, as the application. */
@Component
public class DeliverRunJobHandler implements JobRequestHandler<DeliverRunJob> {

    private final OutboxWorkers workers;

    DeliverRunJobHandler(OutboxWorkers workers) {
        this.workers = workers;
    }

    @Override
    @Job(name = "Send a campaign run", retries = 2)
    public void run(DeliverRunJob job) {
        SystemActor.call("delivery", () -> TenantContext.callAs(new AccountId(job.accountId()),
                () -> workers.deliver(new RunId(job.runId()))));
    }
}
