package io.portevoix.delivery;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Bounces, complaints and mailto unsubscribes coming back to the platform, from the bounce mailbox
 * (read over IMAP) or a provider's webhook. A report is kept at once in a platform inbox, then
 * applied in its account: the bounce is recorded, the message becomes BOUNCED, the member's
 * record shows the reason and date, hard bounces, complaints and three soft bounces in a row
 * suppress the address, and a mail to the unsubscribe address withdraws the consent as the
 * one-click link does. Each report is applied once, however often it is read or sent.
 */
@PrimaryPort
public interface BounceReports {

    /**
     * Keeps a webhook's report for its account; false when {@code messageId} is not one of ours
     * (nothing is kept). A message id of ours that names no message is dropped when matched.
     */
    boolean report(ReportedBounce bounce);

    /** Reads the bounce mailbox once (when one is configured), then applies every waiting report; returns how many mails it read. */
    int pollMailbox();

    /** Applies every waiting report to its account; returns how many were applied. */
    int apply();
}
