package io.portevoix.delivery.application.port;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.Recipient;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The outbox: one row per (run, recipient) and its state. */
public interface Messages {

    /** A message claimed for sending. */
    record Claimed(long id, ContactId contact, String address, int attempts) {
    }

    /** Writes recipients of a run (a batch); returns how many rows were new. */
    int insert(AccountId account, RunId run, io.portevoix.campaigns.CampaignId campaign, List<Recipient> recipients);

    boolean frozen(AccountId account, RunId run);

    RunFigures figures(AccountId account, RunId run);

    /**
     * Claims up to {@code limit} due PENDING messages of the run (skipping rows other senders
     * hold) and marks them SENDING under {@code claimer}, in the caller's transaction.
     */
    List<Claimed> claim(AccountId account, RunId run, int limit, String claimer, Instant now);

    void sent(AccountId account, Collection<Long> ids, Instant at);

    /** Back to PENDING for a later attempt. */
    void retry(AccountId account, long id, Instant next, String error);

    void failed(AccountId account, long id, String error);

    /** Messages left SENDING by another (dead) process: they may have left; they become UNKNOWN. */
    int orphansToUnknown(AccountId account, String liveClaimer);

    /** A message of a member's history. */
    record Sent(RunId run, java.time.@org.jspecify.annotations.Nullable Instant sentAt, String state) {
    }

    /** A page of a run's recipients, in the order they were frozen. */
    List<io.portevoix.campaigns.spi.RunRecipient> ofRun(AccountId account, RunId run, int offset, int limit);

    /** The member's messages, newest first. */
    List<Sent> ofContact(AccountId account, ContactId contact, int limit);

    /** Runs of the account with PENDING messages due now. */
    List<RunId> runsWithDueMessages(AccountId account, Instant now);
}
