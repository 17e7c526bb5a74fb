package io.portevoix.audience.adapter.jobrunr.handler;

import io.portevoix.audience.ImportCommands;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.adapter.jobrunr.ImportContactsJob;
import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** Runs an import for its account, as the application (the user who started it is in the audit log). */
@Component
public class ImportContactsJobHandler implements JobRequestHandler<ImportContactsJob> {

    private final ImportCommands imports;

    ImportContactsJobHandler(ImportCommands imports) {
        this.imports = imports;
    }

    @Override
    @Job(name = "Import contacts", retries = 3)
    public void run(ImportContactsJob job) {
        SystemActor.call("import", () -> {
            TenantContext.runAs(new AccountId(job.accountId()), () -> imports.process(new ImportId(job.importId())));
            return null;
        });
    }
}
