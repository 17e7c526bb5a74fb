package io.portevoix.delivery.adapter.jobrunr.scheduler;

import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.adapter.jobrunr.DeliverRunJob;
import io.portevoix.delivery.application.port.DeliveryJobs;
import io.portevoix.shared.AccountId;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enqueues the workers of a run after the transaction that froze it commits ({@value #WORKERS}
 * in parallel: they claim distinct batches).
 */
@Component
class JobRunrDeliveryJobs implements DeliveryJobs {

    static final int WORKERS = 2;

    private final JobRequestScheduler jobs;

    JobRunrDeliveryJobs(JobRequestScheduler jobs) {
        this.jobs = jobs;
    }

    @Override
    public void deliver(AccountId account, RunId run) {
        Runnable enqueue = () -> {
            for (int i = 0; i < WORKERS; i++) {
                jobs.enqueue(new DeliverRunJob(account.value(), run.value()));
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue.run();
                }
            });
        } else {
            enqueue.run();
        }
    }
}
