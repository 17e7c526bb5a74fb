package io.portevoix.tenancy;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Creates and revokes the current account's API keys (account administrators). */
@PrimaryPort
public interface ApiKeyCommands {

    CreatedApiKey create(String name, AccessLevels levels);

    void revoke(ApiKeyId key);
}
