package io.portevoix.delivery;

import java.util.List;

/**
 * An account's SMS options: the most parts per message, its gateway ({@code gateway} empty: the
 * installation's default, named in {@code defaultGateway}) and the gateways it may choose from.
 */
public record SmsOptionsDetails(int maxParts, String gateway, String defaultGateway, List<String> gateways) {

    public SmsOptionsDetails {
        gateways = List.copyOf(gateways);
    }
}
