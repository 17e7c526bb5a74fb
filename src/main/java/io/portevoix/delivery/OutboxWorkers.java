package io.portevoix.delivery;

import io.portevoix.campaigns.RunId;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** What delivery's background jobs run: the workers of a send run, and the periodic sweep. */
@PrimaryPort
public interface OutboxWorkers {

    /** Sends the due messages of a run of the current account; returns how many were sent. */
    int deliver(RunId run);

    /**
     * For every account: starts scheduled campaigns whose time has come and wakes the workers of
     * runs with due messages (retries after a back-off, runs a restart interrupted).
     */
    void sweep();

    /**
     * At start-up, for every account: messages a dead process left being sent become UNKNOWN, and
     * the batches it had leased without handing them over are due again at once.
     */
    void recover();
}
