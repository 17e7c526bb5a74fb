package io.portevoix.campaigns;

import io.portevoix.audience.Channel;

/** What a line of a member's history names: the run's campaign, its name and channel. */
public record RunLabel(RunId run, CampaignId campaign, String name, Channel channel) {
}
