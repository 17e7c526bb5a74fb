package io.portevoix.tracking;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Opens, clicks and other hits as history: their monthly partitions kept ready ahead, and each
 * account's retention (hits older than the account keeps deleted, their campaigns' figures kept
 * first).
 */
@PrimaryPort
public interface TrackingHistory {

    /**
     * Creates the months of the hits that do not exist yet, from the current one for the next few
     * (and any month whose hits waited in the default partition); returns how many.
     */
    int preparePartitions();

    /**
     * For every account: keeps the figures of campaigns with hits older than the account's history
     * retention, then deletes those hits; then drops months older than the longest retention whole.
     * Running it again changes nothing.
     */
    void applyRetention();
}
