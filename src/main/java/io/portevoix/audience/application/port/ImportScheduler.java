package io.portevoix.audience.application.port;

import io.portevoix.audience.ImportId;
import io.portevoix.shared.AccountId;

/** Runs an import in the background, once its transaction has committed. */
public interface ImportScheduler {

    void schedule(AccountId account, ImportId id);
}
