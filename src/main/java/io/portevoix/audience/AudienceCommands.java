package io.portevoix.audience;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Changes the account's audience rules (Settings → Contacts). */
@PrimaryPort
public interface AudienceCommands {

    AudienceRules changeRules(AudienceRules rules);
}
