package io.portevoix.audience;

import java.time.Instant;

/** One change of a consent, kept for ever with its source and author. */
public record ConsentChange(Instant at, Channel channel, BroadcastType type, boolean granted, ConsentSource source,
        String actor) {
}
