package io.portevoix.tenancy.application;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.UserId;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A logged-in user, working in one of their accounts. Immutable: switching accounts replaces it.
 */
public record UserActor(UserId id, String email, String name, boolean platformAdministrator, String locale,
        List<AccountMembership> memberships, @Nullable AccountId currentAccount) implements Actor, Principal,
        Serializable {

    public UserActor {
        memberships = List.copyOf(memberships);
    }

    public UserActor inAccount(@Nullable AccountId account, List<AccountMembership> freshMemberships) {
        return new UserActor(id, email, name, platformAdministrator, locale, freshMemberships, account);
    }

    public Optional<AccountMembership> currentMembership() {
        return memberships.stream().filter(m -> m.accountId().equals(currentAccount)).findFirst();
    }

    @Override
    public Optional<AccountId> accountId() {
        return Optional.ofNullable(currentAccount);
    }

    @Override
    public String displayName() {
        return email;
    }

    @Override
    public Optional<UserId> userId() {
        return Optional.of(id);
    }

    @Override
    public AccessLevel levelFor(Area area) {
        return currentMembership().map(m -> m.levels().of(area)).orElse(AccessLevel.NONE);
    }

    @Override
    public boolean accountAdministrator() {
        return currentMembership().map(AccountMembership::administrator).orElse(false);
    }

    @Override
    public String getName() {
        return email;
    }

    @Override
    public String toString() {
        return email;
    }
}
