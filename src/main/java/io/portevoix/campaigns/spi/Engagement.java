package io.portevoix.campaigns.spi;

import io.portevoix.campaigns.CampaignId;

/** What campaigns need from tracking, which implements it: the opens, clicks and unsubscribes of a campaign. */
public interface Engagement {

    EngagementFigures figures(CampaignId campaign);

    /**
     * Opens of the campaign in {@code buckets} consecutive buckets of {@code bucket} from {@code from},
     * every bucket present (zero when nothing happened), oldest first.
     */
    java.util.List<io.portevoix.campaigns.OpensOverTime> opensOverTime(CampaignId campaign, java.time.Instant from,
            java.time.Duration bucket, int buckets);
}
