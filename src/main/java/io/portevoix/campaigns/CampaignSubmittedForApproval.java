package io.portevoix.campaigns;

import io.portevoix.audience.Channel;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * An editor asked for a campaign to be sent: it waits for an approver of its channel. Carries what
 * the approvers are told: what, by whom, to how many recipients, and when it is meant to leave
 * ({@code at} null: as soon as approved).
 */
@DomainEvent
public record CampaignSubmittedForApproval(AccountId accountId, CampaignId campaignId, String name, Channel channel,
        String submittedBy, long recipients, @Nullable Instant at) {
}
