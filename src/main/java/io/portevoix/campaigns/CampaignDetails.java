package io.portevoix.campaigns;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as its pages show it. {@code sendAt}: the time asked for (null: as soon as
 * possible); {@code reviewComment}: the approver's last comment; {@code currentRun}: the run being
 * sent or the last one.
 */
public record CampaignDetails(CampaignId id, String name, String description, Channel channel,
        BroadcastType broadcastType, Audience audience, CampaignContent content, CampaignStatus status,
        @Nullable Instant sendAt, String createdBy, String submittedBy, String reviewedBy, String reviewComment,
        @Nullable RunId currentRun, Instant createdAt, Instant updatedAt) {

    public boolean editable() {
        return status == CampaignStatus.DRAFT;
    }

    public CampaignDetails withStatus(CampaignStatus next, Instant now) {
        return new CampaignDetails(id, name, description, channel, broadcastType, audience, content, next, sendAt,
                createdBy, submittedBy, reviewedBy, reviewComment, currentRun, createdAt, now);
    }

    /** A send asked for by {@code by}, at {@code at} (null: now); the previous review is cleared. */
    public CampaignDetails requested(CampaignStatus next, @Nullable Instant at, String by, Instant now) {
        return new CampaignDetails(id, name, description, channel, broadcastType, audience, content, next, at, createdBy,
                by, "", "", currentRun, createdAt, now);
    }

    public CampaignDetails reviewed(CampaignStatus next, String by, String comment, Instant now) {
        return new CampaignDetails(id, name, description, channel, broadcastType, audience, content, next, sendAt,
                createdBy, submittedBy, by, comment, currentRun, createdAt, now);
    }

    public CampaignDetails sending(RunId run, Instant now) {
        return new CampaignDetails(id, name, description, channel, broadcastType, audience, content,
                CampaignStatus.SENDING, sendAt, createdBy, submittedBy, reviewedBy, reviewComment, run, createdAt, now);
    }

    public CampaignDetails withContent(CampaignContent next) {
        return new CampaignDetails(id, name, description, channel, broadcastType, audience, next, status, sendAt,
                createdBy, submittedBy, reviewedBy, reviewComment, currentRun, createdAt, updatedAt);
    }
}
