package io.portevoix.audience;

/** Why an address must never be contacted. */
public enum SuppressionReason {
    HARD_BOUNCE, COMPLAINT, DO_NOT_CONTACT
}
