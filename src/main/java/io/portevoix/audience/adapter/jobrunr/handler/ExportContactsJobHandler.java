package io.portevoix.audience.adapter.jobrunr.handler;

import io.portevoix.audience.ExportCommands;
import io.portevoix.audience.ExportId;
import io.portevoix.audience.adapter.jobrunr.ExportContactsJob;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Runs a background export for its account, as the application (the user who asked is in the audit log). */
@Component
public class ExportContactsJobHandler implements JobRequestHandler<ExportContactsJob> {

    private final ExportCommands exports;

    ExportContactsJobHandler(ExportCommands exports) {
        this.exports = exports;
    }

    @Override
    @Job(name = "Export contacts", retries = 2)
    public void run(ExportContactsJob job) {
        SystemActor.call("export", () -> {
            TenantContext.runAs(new AccountId(job.accountId()), () -> exports.process(new ExportId(job.exportId())));
            return null;
        });
    }
}
