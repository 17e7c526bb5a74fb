package io.portevoix.tenancy;

/** Where an alphanumeric sender ID stands. Only an {@link #APPROVED} one may be used to send. */
public enum SenderIdStatus {
    /** Asked for by the account, waiting for a platform administrator. */
    REQUESTED,
    /** Accepted by a platform administrator: the account may send with it. */
    APPROVED,
    /** Turned down by a platform administrator. */
    REFUSED,
    /** Withdrawn by the account, before or after approval. */
    WITHDRAWN;

    /** Whether the sender ID still counts (requested or approved): an account has one live ID per value. */
    public boolean live() {
        return this == REQUESTED || this == APPROVED;
    }
}
