package io.portevoix.campaigns;

import io.portevoix.audience.Exclusion;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review before sending: recipients after exclusions, each exclusion with its number, the
 * credits needed, the account's available credits, and warnings (no postal address, no DKIM key,
 * …) that do not block. For SMS also the table per destination country, the countries left out
 * (their recipients are not counted in the totals) and the recipients that cannot be sent
 * (too many parts, or a country without a price).
 */
public record CampaignCount(long recipients, Map<Exclusion, Long> excluded, long credits, long available,
        List<String> warnings, List<CountryCount> byCountry, Set<String> excludedCountries, long nonAddressable,
        long inExcludedCountries) {

    public CampaignCount(long recipients, Map<Exclusion, Long> excluded, long credits, long available, List<String> warnings) {
        this(recipients, excluded, credits, available, warnings, List.of(), Set.of(), 0, 0);
    }

    public CampaignCount {
        byCountry = List.copyOf(byCountry);
        excludedCountries = Set.copyOf(excludedCountries);
    }
}
