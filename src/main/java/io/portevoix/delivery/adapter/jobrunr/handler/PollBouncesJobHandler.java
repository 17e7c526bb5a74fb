package io.portevoix.delivery.adapter.jobrunr.handler;

import io.portevoix.delivery.BounceReports;
import io.portevoix.delivery.adapter.jobrunr.PollBouncesJob;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Reads the bounce mailbox and applies waiting reports. */
@Component
public class PollBouncesJobHandler implements JobRequestHandler<PollBouncesJob> {

    private final BounceReports bounces;

    PollBouncesJobHandler(BounceReports bounces) {
        this.bounces = bounces;
    }

    @Override
    @Job(name = "Read the bounce mailbox", retries = 0)
    public void run(PollBouncesJob job) {
        bounces.pollMailbox();
    }
}
