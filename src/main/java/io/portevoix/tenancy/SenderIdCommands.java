package io.portevoix.tenancy;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Requests, decides and withdraws alphanumeric SMS sender IDs. Every request and decision is
 * recorded in the account's audit log.
 */
@PrimaryPort
public interface SenderIdCommands {

    /**
     * Requests a sender ID for the current account (SETTINGS at EDITOR), recording the current
     * {@linkplain SenderIdQueries#fee() fee}. A value is 3 to 11 ASCII letters and digits with at
     * least one letter, and the account may not already have it (ignoring case) requested or
     * approved; otherwise {@link io.portevoix.shared.InvalidInputException} on field {@code value}.
     */
    SenderIdId request(String value);

    /** Approves a pending request of any account (platform administrators). */
    void approve(SenderIdId id, String comment);

    /** Refuses a pending request of any account (platform administrators). */
    void refuse(SenderIdId id, String comment);

    /** Withdraws one of the current account's requested or approved sender IDs (SETTINGS at EDITOR). */
    void withdraw(SenderIdId id);
}
