package io.portevoix.campaigns;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;

/**
 * What delivery needs to send a run's messages: the campaign's content, whether it may send now,
 * and the SMTP servers it is restricted to (empty: the account's choice).
 */
public record RunContent(RunId run, CampaignId campaign, Channel channel, BroadcastType broadcastType,
        CampaignContent content, boolean delivering, java.util.List<java.util.UUID> smtpServers) {

    public RunContent {
        smtpServers = java.util.List.copyOf(smtpServers);
    }
}
