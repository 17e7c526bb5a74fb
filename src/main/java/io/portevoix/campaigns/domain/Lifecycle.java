package io.portevoix.campaigns.domain;

import io.portevoix.campaigns.CampaignStateException;
import io.portevoix.campaigns.CampaignStatus;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The campaign state machine. Only a draft is edited. Sending is asked for from a draft, or from
 * a sent campaign to broadcast it again; an editor's request waits for an approver. Approval
 * starts the send, or schedules it when a time was asked for. A scheduled or sending campaign can
 * be suspended and resumed. Archiving ends a campaign's life.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    public static void requireEditable(CampaignStatus status) {
        if (status != CampaignStatus.DRAFT) {
            throw new CampaignStateException("Only a draft can be changed; this campaign is " + status);
        }
    }

    /** The status after a send request: waiting for approval, scheduled, or sending now. */
    public static CampaignStatus requestSend(CampaignStatus status, boolean approver, @Nullable Instant at, Instant now) {
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.SENT) {
            throw new CampaignStateException("A campaign is sent from a draft, or sent again once sent; this one is "
                    + status);
        }
        if (!approver) {
            return CampaignStatus.PENDING_APPROVAL;
        }
        return start(at, now);
    }

    public static CampaignStatus approve(CampaignStatus status, @Nullable Instant at, Instant now) {
        require(status, Set.of(CampaignStatus.PENDING_APPROVAL), "approved");
        return start(at, now);
    }

    public static CampaignStatus reject(CampaignStatus status) {
        require(status, Set.of(CampaignStatus.PENDING_APPROVAL), "rejected");
        return CampaignStatus.DRAFT;
    }

    public static CampaignStatus suspend(CampaignStatus status) {
        require(status, Set.of(CampaignStatus.SENDING, CampaignStatus.SCHEDULED), "suspended");
        return CampaignStatus.SUSPENDED;
    }

    public static CampaignStatus resume(CampaignStatus status, @Nullable Instant at, Instant now) {
        require(status, Set.of(CampaignStatus.SUSPENDED), "resumed");
        return start(at, now);
    }

    /** Resending the unknown messages of the current run: while it sends, or once sent (it sends again). */
    public static CampaignStatus resendUnknown(CampaignStatus status) {
        require(status, Set.of(CampaignStatus.SENDING, CampaignStatus.SENT), "resent");
        return CampaignStatus.SENDING;
    }

    public static CampaignStatus archive(CampaignStatus status) {
        require(status, Set.of(CampaignStatus.DRAFT, CampaignStatus.SENT, CampaignStatus.CANCELLED), "archived");
        return CampaignStatus.ARCHIVED;
    }

    /** Whether the status is that of a campaign whose run may hand messages to the servers. */
    public static boolean delivering(CampaignStatus status) {
        return status == CampaignStatus.SENDING;
    }

    private static CampaignStatus start(@Nullable Instant at, Instant now) {
        return at != null && at.isAfter(now) ? CampaignStatus.SCHEDULED : CampaignStatus.SENDING;
    }

    private static void require(CampaignStatus status, Set<CampaignStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw new CampaignStateException("A " + status + " campaign cannot be " + what);
        }
    }
}
