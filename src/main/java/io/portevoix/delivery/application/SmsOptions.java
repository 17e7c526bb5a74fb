package io.portevoix.delivery.application;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The current account's SMS options (Settings → SMS): the most parts a message may have (3 by
 * default; a personalised text that needs more is not sent, never truncated) and which of the
 * installation's gateways its SMS use.
 */
@PrimaryPort
public interface SmsOptions {

    /** {@code gateway} empty: the installation's default, named in {@code defaultGateway}. */
    record Current(int maxParts, String gateway, String defaultGateway, List<String> gateways) {
    }

    Current current();

    /** SETTINGS at EDITOR level; audited. {@code maxParts} 1 to 10, {@code gateway} empty or a configured one. */
    Current change(int maxParts, String gateway);
}
