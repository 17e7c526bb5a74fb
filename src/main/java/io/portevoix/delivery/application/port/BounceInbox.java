package io.portevoix.delivery.application.port;

import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.RunId;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reports waiting for their account (a platform inbox, keyed by the report's id), and each
 * account's bounces.
 */
public interface BounceInbox {

    /** What a report says, before anyone knows the account: {@code kind} is HARD, SOFT, COMPLAINT or UNSUBSCRIBE. */
    record Report(String reportId, String kind, long message, @Nullable RunId run, String address, String reason,
            String source, Instant at) {
    }

    /** A report matched to a message of the current account. */
    record Waiting(long id, String kind, long message, ContactId contact, String address, CampaignId campaign, RunId run,
            String reason, String source, Instant at) {
    }

    /** Keeps a report; false when one with the same id was already kept (it is not kept twice). */
    boolean add(Report report);

    /** Waiting reports whose message belongs to this account, oldest first. */
    List<Waiting> waiting(AccountId account, int limit);

    /** Takes a waiting report for the caller's transaction; false when another worker took it first. */
    boolean take(long id, Instant at);

    /** Records the bounce; a hard or soft one also makes its message BOUNCED. */
    void record(AccountId account, Waiting bounce);

    /**
     * Whether the latest {@code count} e-mails that left for this address all bounced softly (a
     * message that left without bouncing since then breaks the series).
     */
    boolean softInARow(AccountId account, String address, int count);

    /** Forgets handled reports older than {@code handledBefore} and unmatched ones older than {@code unmatchedBefore}. */
    int prune(Instant handledBefore, Instant unmatchedBefore);
}
