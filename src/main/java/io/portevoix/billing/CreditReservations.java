package io.portevoix.billing;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Credits held for sends in the current account. Each movement carries a reference (a run, a
 * suspension) and is written once, so a retried call changes nothing; PostgreSQL keeps the
 * balance and the reservations from going negative, so two concurrent sends cannot overspend.
 * Runs in the caller's transaction.
 */
@PrimaryPort
public interface CreditReservations {

    /** What the account can still spend: its balance less what is held. */
    long available();

    /** Holds credits; {@link NotEnoughCreditsException} when the available credits do not cover them. */
    void reserve(String reference, long amount, String comment);

    /** Gives held credits back. */
    void release(String reference, long amount, String comment);

    /** Spends held credits. */
    void debit(String reference, long amount, String comment);
}
