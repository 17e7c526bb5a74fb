package io.portevoix.campaigns.spi;

import java.util.List;

/**
 * A campaign's engagement: opens and clicks by people (machine activity left out of the unique
 * counts), what machines did (kept apart), unsubscribes, and the clicks of each link.
 */
public record EngagementFigures(long opens, long uniqueOpens, long clicks, long uniqueClicks, long machineEvents,
        long unsubscribes, List<LinkClicks> links) {

    public static final EngagementFigures NONE = new EngagementFigures(0, 0, 0, 0, 0, 0, List.of());

    /** One link of the campaign with its human clicks. */
    public record LinkClicks(String url, long clicks, long uniqueClicks) {
    }
}
