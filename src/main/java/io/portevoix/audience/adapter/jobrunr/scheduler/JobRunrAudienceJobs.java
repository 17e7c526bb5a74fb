package io.portevoix.audience.adapter.jobrunr.scheduler;

import io.portevoix.audience.ImportId;
import io.portevoix.audience.ExportId;
import io.portevoix.audience.adapter.jobrunr.ExportContactsJob;
import io.portevoix.audience.adapter.jobrunr.ImportContactsJob;
import io.portevoix.audience.application.port.ExportScheduler;
import io.portevoix.audience.application.port.ImportScheduler;
import io.portevoix.shared.AccountId;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Enqueues import and export jobs once their row is committed, so the job always finds it. */
@Component
class JobRunrAudienceJobs implements ImportScheduler, ExportScheduler {

    private final JobRequestScheduler jobs;

    JobRunrAudienceJobs(JobRequestScheduler jobs) {
        this.jobs = jobs;
    }

    @Override
    public void schedule(AccountId account, ImportId id) {
        afterCommit(() -> jobs.enqueue(new ImportContactsJob(account.value(), id.value())));
    }

    @Override
    public void schedule(AccountId account, ExportId id) {
        afterCommit(() -> jobs.enqueue(new ExportContactsJob(account.value(), id.value())));
    }

    private static void afterCommit(Runnable enqueue) {
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
