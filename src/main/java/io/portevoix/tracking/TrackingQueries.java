package io.portevoix.tracking;

import io.portevoix.campaigns.CampaignId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Tracking figures of the current account's campaigns, for charts. */
@PrimaryPort
public interface TrackingQueries {

    /**
     * Opens of a campaign over time: {@code buckets} consecutive buckets of {@code bucket} each from
     * {@code from} (e.g. the run's start, 10 minutes × 288 for the first 48 hours), every bucket
     * present (zero when nothing happened), oldest first. Hits still in the batch writer are
     * written first.
     */
    List<OpensBucket> opensOverTime(CampaignId campaign, Instant from, Duration bucket, int buckets);
}
