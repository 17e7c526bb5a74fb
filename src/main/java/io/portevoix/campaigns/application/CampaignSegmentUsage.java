package io.portevoix.campaigns.application;

import io.portevoix.audience.SegmentId;
import io.portevoix.audience.spi.SegmentUsage;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.application.port.Campaigns;
import io.portevoix.tenancy.TenantContext;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Campaigns still to resolve their audience (waiting, scheduled, sending or suspended) keep their segments alive. */
@Service
class CampaignSegmentUsage implements SegmentUsage, io.portevoix.audience.spi.CampaignDirectory {

    private static final Set<CampaignStatus> ACTIVE = Set.of(CampaignStatus.PENDING_APPROVAL, CampaignStatus.SCHEDULED,
            CampaignStatus.SENDING, CampaignStatus.SUSPENDED);

    private final Campaigns campaigns;

    CampaignSegmentUsage(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public java.util.Map<String, String> sentCampaigns() {
        java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
        campaigns.list(TenantContext.requireAccount(), CampaignFilter.ALL).stream().filter(c -> c.currentRun() != null)
                .forEach(c -> sent.put(c.id().toString(), c.name()));
        return sent;
    }

    @Override
    public List<String> activeCampaignsUsing(SegmentId segment) {
        return campaigns.list(TenantContext.requireAccount(), CampaignFilter.ALL).stream()
                .filter(c -> ACTIVE.contains(c.status()) && c.audience().segmentIds().contains(segment))
                .map(CampaignDetails::name).toList();
    }
}
