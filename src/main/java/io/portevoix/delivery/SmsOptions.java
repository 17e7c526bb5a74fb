package io.portevoix.delivery;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The current account's SMS options (Settings → SMS): the most parts a message may have (3 by
 * default; a personalised text that needs more is not sent, never truncated) and which of the
 * installation's gateways its SMS use.
 */
@PrimaryPort
public interface SmsOptions {

    SmsOptionsDetails current();

    /** SETTINGS at EDITOR level; audited. {@code maxParts} 1 to 10, {@code gateway} empty or a configured one. */
    SmsOptionsDetails change(int maxParts, String gateway);
}
