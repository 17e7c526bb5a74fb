package io.portevoix.delivery;

/**
 * What came back about a message that left: HARD (the address does not work: suppressed), SOFT
 * (it did not arrive this time: three in a row count as a hard one), COMPLAINT (the member marked
 * it as spam: suppressed; the message did arrive).
 */
public enum BounceType {
    HARD, SOFT, COMPLAINT
}
