package io.portevoix.audience;

/**
 * Why a selected contact does not receive a message, in the order the reasons are checked: a
 * contact is counted under the first one that applies.
 */
public enum Exclusion {
    /** An associated (not primary) member, unless the account includes them. */
    ASSOCIATED_MEMBER,
    /** A former client whose subscription ended longer ago than the account allows. */
    LAPSED_MEMBER,
    /** No e-mail address (or no valid mobile, for SMS). */
    NO_ADDRESS,
    /** The address is on the suppression list (bounce, complaint, do not contact, erased). */
    SUPPRESSED,
    /** No consent for this channel and broadcast type. */
    NO_CONSENT,
    /** Another selected contact has the same address; one message per address. */
    DUPLICATE_ADDRESS
}
