package io.portevoix.delivery;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The outbox as history: its monthly partitions kept ready ahead, and each account's retention
 * (messages older than the account keeps deleted, their runs' figures kept first).
 */
@PrimaryPort
public interface OutboxHistory {

    /**
     * Creates the months of the outbox that do not exist yet, from the current one for the next
     * few (and any month whose rows waited in the default partition); returns how many.
     */
    int preparePartitions();

    /**
     * For every account: keeps the figures of runs older than the account's history retention,
     * then deletes their messages; then drops months older than the longest retention whole.
     * Running it again changes nothing.
     */
    void applyRetention();
}
