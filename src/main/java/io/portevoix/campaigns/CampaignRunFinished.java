package io.portevoix.campaigns;

import io.portevoix.audience.Channel;
import io.portevoix.shared.AccountId;
import org.jmolecules.event.annotation.DomainEvent;

/** A send run has no message left to send: its figures as it ended (its credits are settled). */
@DomainEvent
public record CampaignRunFinished(AccountId accountId, CampaignId campaignId, String name, Channel channel, int runNumber,
        long targeted, long sent, long failed, long unknown) {
}
