package io.portevoix.delivery.application.port;

import io.portevoix.campaigns.RunId;
import io.portevoix.shared.AccountId;

/** Background work of delivery: sending a run's due messages, in parallel workers. */
public interface DeliveryJobs {

    /** Enqueues the workers of a run once the current transaction commits. */
    void deliver(AccountId account, RunId run);
}
