package io.portevoix.audience.application.port;

import io.portevoix.audience.ExportId;
import io.portevoix.shared.AccountId;

/** Runs an export in the background, once its transaction has committed. */
public interface ExportScheduler {

    void schedule(AccountId account, ExportId id);
}
