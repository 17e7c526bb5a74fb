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

    /** Writes SMS recipients of a run (a batch) with their country, parts and credits; returns how many rows were new. */
    int insertSms(AccountId account, RunId run, io.portevoix.campaigns.CampaignId campaign,
            List<io.portevoix.campaigns.spi.SmsRecipient> recipients);

    boolean frozen(AccountId account, RunId run);

    /**
     * Refreshes the planner's statistics of the run's month once the run holds at least {@code from}
     * messages, so that its messages are updated by key rather than through the pending index.
     */
    void analyzeFrozen(AccountId account, RunId run, int from);

    RunFigures figures(AccountId account, RunId run);

    /**
     * Leases up to {@code limit} due PENDING messages of the run to {@code claimer} until {@code
     * leasedUntil} (skipping rows other senders hold), in the caller's transaction: they stay
     * PENDING but are not due before then, so no other worker takes them; one whose claimer died
     * is taken again once its lease is over. Counts an attempt.
     */
    List<Claimed> claim(AccountId account, RunId run, int limit, String claimer, Instant now, Instant leasedUntil);

    /**
     * Marks SENDING those of {@code ids} still leased to {@code claimer} (a lease that ran out may
     * have gone to another worker) and returns them: only these may be handed over.
     */
    java.util.Set<Long> sending(AccountId account, Collection<Long> ids, String claimer);

    void sent(AccountId account, Collection<Long> ids, Instant at);

    /** SMS the gateway accepted: SENT, with the gateway's id of each part (receipts refer to them). */
    void smsSent(AccountId account, String gateway, java.util.Map<Long, List<String>> partsByMessage, Instant at);

    /** Back to PENDING until {@code next} without counting an attempt (outside the sending window). */
    void postpone(AccountId account, long id, Instant next);

    /** The gateway may have taken it: UNKNOWN, never resubmitted by itself. */
    void uncertain(AccountId account, long id, String error);

    /** Matches waiting receipts to this account's parts and messages; returns how many parts got one. */
    int applyReceipts(AccountId account);

    /** Forgets receipts no account claimed since {@code before}. */
    int dropUnmatchedReceipts(Instant before);

    /** Records what a gateway reported, before anyone knows the account. */
    void receiptArrived(io.portevoix.delivery.application.port.SmsListener.Receipt receipt);

    void replyArrived(io.portevoix.delivery.application.port.SmsListener.Reply reply);

    /** Replies waiting to be matched, oldest first. */
    List<WaitingReply> waitingReplies(int limit);

    void forgetReply(long id);

    /** A reply from a phone, waiting for its account. */
    record WaitingReply(long id, String gateway, String from, String to, String text, Instant at) {
    }

    /** The latest SMS this account sent to {@code number}. */
    java.util.Optional<LastSms> lastSmsTo(AccountId account, String number);

    record LastSms(ContactId contact, io.portevoix.campaigns.CampaignId campaign, RunId run, Instant sentAt) {
    }

    void recordReply(AccountId account, LastSms to, String from, String text, boolean stop, Instant at);

    /** Replies of a member, newest first. */
    List<MemberReply> repliesOf(AccountId account, ContactId contact, int limit);

    record MemberReply(String text, boolean stop, Instant at, io.portevoix.campaigns.@org.jspecify.annotations.Nullable CampaignId campaign) {
    }

    /** Back to PENDING for a later attempt. */
    void retry(AccountId account, long id, Instant next, String error);

    void failed(AccountId account, long id, String error);

    /** Messages left SENDING by another (dead) process: they may have left; they become UNKNOWN. */
    int orphansToUnknown(AccountId account, String liveClaimer);

    /**
     * Batches another (dead) process had leased but not begun to hand over: nothing of them left,
     * so they are due again at once instead of when the lease would have ended, and the attempt
     * the lease counted is given back.
     */
    int releaseOrphanLeases(AccountId account, String liveClaimer, Instant now);

    /** The run's UNKNOWN messages back to PENDING, due at {@code now}; returns how many. */
    int resendUnknown(AccountId account, RunId run, Instant now);

    /** A message of a member's history. */
    record Sent(RunId run, java.time.@org.jspecify.annotations.Nullable Instant sentAt, String state) {
    }

    /** A page of a run's recipients, in the order they were frozen. */
    List<io.portevoix.campaigns.spi.RunRecipient> ofRun(AccountId account, RunId run, int offset, int limit);

    /** The member's messages, newest first. */
    List<Sent> ofContact(AccountId account, ContactId contact, int limit);

    /** The latest of these runs that sent (or may have sent) the member a message. */
    java.util.Optional<RunId> lastSentRun(AccountId account, ContactId contact, java.util.Collection<RunId> runs);

    /** Runs of the account with PENDING messages due now. */
    List<RunId> runsWithDueMessages(AccountId account, Instant now);

    /**
     * Makes sure the monthly partitions of the outbox exist from the month of {@code from} for
     * {@code months} months, and moves rows that waited in the default partition into their month;
     * returns how many partitions were created.
     */
    int preparePartitions(Instant from, int months);

    /** Drops the months that ended before {@code before} whole (with their SMS parts and bounces); returns how many. */
    int dropPartitionsBefore(Instant before);

    /** Runs of the account with messages created before {@code before} whose figures are not kept yet. */
    List<RunId> runsToSummarize(AccountId account, Instant before);

    /** Keeps the run's current figures, which {@link #figures} answers from then on (its messages may go). */
    void summarize(AccountId account, RunId run, Instant at);

    /**
     * Deletes up to {@code limit} of the account's messages created before {@code before}, with
     * their SMS parts and bounces; returns how many messages.
     */
    int deleteCreatedBefore(AccountId account, Instant before, int limit);
}
