package io.portevoix.tracking.application;

import io.portevoix.campaigns.CampaignId;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tracking.OpensBucket;
import io.portevoix.tracking.TrackingQueries;
import io.portevoix.tracking.application.port.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tracking figures for the campaign pages, for whoever may see the campaigns. */
@Service
class TrackingQueryService implements TrackingQueries {

    /** At most a week of 10-minute buckets in one chart. */
    static final int MAX_BUCKETS = 1_008;

    private final Events events;
    private final EventWriter writer;

    TrackingQueryService(Events events, EventWriter writer) {
        this.events = events;
        this.writer = writer;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<OpensBucket> opensOverTime(CampaignId campaign, Instant from, Duration bucket, int buckets) {
        if (bucket.compareTo(Duration.ofSeconds(1)) < 0 || buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("Between 1 and " + MAX_BUCKETS + " buckets of a second or more");
        }
        writer.flush();
        return events.opensOverTime(TenantContext.requireAccount(), campaign, from, bucket, buckets);
    }
}
