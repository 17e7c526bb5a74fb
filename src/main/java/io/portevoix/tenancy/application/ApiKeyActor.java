package io.portevoix.tenancy.application;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.ApiKeyId;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.UserId;
import java.util.Optional;

/** A request authenticated by an API key: it acts for the key's account, with the key's levels. */
public record ApiKeyActor(ApiKeyId keyId, AccountId account, String keyName, AccessLevels levels) implements Actor {

    @Override
    public Optional<AccountId> accountId() {
        return Optional.of(account);
    }

    @Override
    public String displayName() {
        return "API key \"" + keyName + "\"";
    }

    @Override
    public Optional<UserId> userId() {
        return Optional.empty();
    }

    @Override
    public AccessLevel levelFor(Area area) {
        return levels.of(area);
    }

    @Override
    public boolean accountAdministrator() {
        return levels.allows(Area.SETTINGS, AccessLevel.APPROVER);
    }

    @Override
    public boolean apiKey() {
        return true;
    }

    @Override
    public boolean platformAdministrator() {
        return false;
    }
}
