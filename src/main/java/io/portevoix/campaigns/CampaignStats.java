package io.portevoix.campaigns;

import io.portevoix.campaigns.spi.EngagementFigures;

/**
 * A campaign's figures over all its runs, as {@code GET /campaigns/{id}/stats} gives them; rates
 * are fractions of the messages sent, counting people only. SMS add what receipts reported
 * (delivered, undelivered), parts, credits used and STOP replies.
 */
public record CampaignStats(long targeted, long sent, long failed, long bounced, long unknown, long pending,
        EngagementFigures engagement, long delivered, long undelivered, long parts, long credits, long stops) {

    public CampaignStats(long targeted, long sent, long failed, long bounced, long unknown, long pending,
            EngagementFigures engagement) {
        this(targeted, sent, failed, bounced, unknown, pending, engagement, 0, 0, 0, 0, 0);
    }

    public double openRate() {
        return sent == 0 ? 0 : (double) engagement.uniqueOpens() / sent;
    }

    public double clickRate() {
        return sent == 0 ? 0 : (double) engagement.uniqueClicks() / sent;
    }

    /** Unique clicks over unique opens. */
    public double clickToOpenRate() {
        return engagement.uniqueOpens() == 0 ? 0 : (double) engagement.uniqueClicks() / engagement.uniqueOpens();
    }
}
