package io.portevoix.audience;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Maintains the current account's suppression list. */
@PrimaryPort
public interface SuppressionCommands {

    /** Adds an e-mail address or phone number (normalised); invalid ones raise {@link io.portevoix.shared.InvalidInputException}. */
    SuppressionEntry add(String address, SuppressionReason reason, String comment);

    void remove(String addressHash);
}
