package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A user was given access to an account (a new login, or an existing one added to another account).
 *
 * @param locale the user's language, {@code fr} or {@code en}
 */
@DomainEvent
public record UserAddedToAccount(AccountId accountId, String accountName, UserId userId, String email,
        String displayName, boolean newUser, String locale) {
}
