package io.portevoix.billing;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Moves credits. */
@PrimaryPort
public interface CreditCommands {

    /** Grants credits to any account (platform administrators). */
    CreditBalance grant(GrantCredits command);
}
