package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import org.jmolecules.event.annotation.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * An account was created, by a platform administrator or by first-run provisioning.
 *
 * @param initialCredits credits the account starts with (first-run provisioning), 0 otherwise
 */
@DomainEvent
public record AccountCreated(AccountId accountId, String name, @Nullable AccountId parentId, long initialCredits) {
}
