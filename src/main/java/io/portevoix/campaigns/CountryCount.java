package io.portevoix.campaigns;

import org.jspecify.annotations.Nullable;

/**
 * One line of an SMS campaign's count: the destination country (ISO 3166-1 alpha-2), its selected
 * recipients, those that cannot be sent (more parts than the account allows, or no price for the
 * country), the others by the parts they need, their parts and credits, the country's rate
 * (credits per part; null: no price) and whether the country is left out of the send.
 */
public record CountryCount(String country, long recipients, long nonAddressable, long onePart, long twoParts,
        long threeOrMoreParts, long totalParts, long credits, @Nullable Integer rate, boolean excluded) {
}
