package io.portevoix.campaigns.spi;

import io.portevoix.campaigns.CampaignId;

/** What campaigns need from tracking, which implements it: the opens, clicks and unsubscribes of a campaign. */
public interface Engagement {

    EngagementFigures figures(CampaignId campaign);
}
