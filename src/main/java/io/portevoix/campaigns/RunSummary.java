package io.portevoix.campaigns;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.campaigns.spi.RunFigures;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a campaign's history: a send run with its frozen audience and its figures. */
public record RunSummary(RunId id, CampaignId campaignId, int number, RunStatus status, Instant startedAt,
        @Nullable Instant finishedAt, String author, long targeted, BroadcastType broadcastType, String templateName,
        Audience audience, RunFigures figures) {
}
