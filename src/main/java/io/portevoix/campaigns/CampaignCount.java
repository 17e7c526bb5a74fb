package io.portevoix.campaigns;

import io.portevoix.audience.Exclusion;
import java.util.List;
import java.util.Map;

/**
 * The review before sending: recipients after exclusions, each exclusion with its number, the
 * credits needed (one per e-mail recipient), the account's available credits, and warnings (no
 * postal address, no DKIM key, …) that do not block.
 */
public record CampaignCount(long recipients, Map<Exclusion, Long> excluded, long credits, long available,
        List<String> warnings) {
}
