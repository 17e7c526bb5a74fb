package io.portevoix.audience;

/**
 * The nature of a message. LEGAL messages (contract, payment) ignore consent but never go to
 * suppressed addresses; INFORMATIVE and MARKETING need the member's consent for the channel.
 */
public enum BroadcastType {
    LEGAL, INFORMATIVE, MARKETING
}
