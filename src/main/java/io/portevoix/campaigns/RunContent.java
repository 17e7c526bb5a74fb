package io.portevoix.campaigns;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;

/** What delivery needs to send a run's messages: the campaign's content, and whether it may send now. */
public record RunContent(RunId run, CampaignId campaign, Channel channel, BroadcastType broadcastType,
        CampaignContent content, boolean delivering) {
}
