package io.portevoix.audience.adapter.jobrunr.scheduler;

import io.portevoix.audience.ImportId;
import io.portevoix.audience.adapter.jobrunr.ImportContactsJob;
import io.portevoix.audience.application.port.ImportScheduler;
import io.portevoix.shared.AccountId;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Enqueues the import job once the import row is committed, so the job always finds it. */
@Component
class JobRunrImportScheduler implements ImportScheduler {

    private final JobRequestScheduler jobs;

    JobRunrImportScheduler(JobRequestScheduler jobs) {
        this.jobs = jobs;
    }

    @Override
    public void schedule(AccountId account, ImportId id) {
        Runnable enqueue = () -> jobs.enqueue(new ImportContactsJob(account.value(), id.value()));
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
