package io.portevoix.audience;

import java.time.Instant;

/** A reply a member sent from their phone to an SMS: its text, whether it was a STOP, when, and the campaign it answered. */
public record ReceivedReply(String text, boolean stop, Instant at, String campaignName) {
}
