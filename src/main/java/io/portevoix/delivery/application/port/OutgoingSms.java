package io.portevoix.delivery.application.port;

import java.util.Objects;

/**
 * One SMS to submit. {@code sender} is either an E.164 number ({@code +33…}) or an alphanumeric
 * sender ID of 3 to 11 letters and digits; {@code to} is E.164; {@code text} is the final text
 * (the adapter splits and encodes it). {@code reference} is the outbox row, echoed in logs.
 */
public record OutgoingSms(long reference, String sender, String to, String text) {

    public OutgoingSms {
        Objects.requireNonNull(sender, "sender");
        if (sender.isBlank()) {
            throw new IllegalArgumentException("An SMS needs a sender: a number or an approved sender ID");
        }
        Objects.requireNonNull(text, "text");
        if (to == null || !to.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("Not an E.164 number: " + to);
        }
    }

    /** Whether the sender is an alphanumeric ID rather than a number. */
    public boolean alphanumericSender() {
        return !sender.matches("\\+?[0-9]+");
    }
}
