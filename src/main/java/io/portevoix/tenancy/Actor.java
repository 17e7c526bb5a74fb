package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.util.Optional;

/**
 * Who is acting: a logged-in user working in one of their accounts, or an API key.
 */
public interface Actor {

    /** The account the actor works in now; empty for a platform administrator outside any account. */
    Optional<AccountId> accountId();

    /** A human-readable name for the audit log: the user's e-mail or the API key's name. */
    String displayName();

    /** The user behind the actor, empty for an API key. */
    Optional<UserId> userId();

    AccessLevel levelFor(Area area);

    boolean accountAdministrator();

    boolean platformAdministrator();

    /** Whether this is a request authenticated by an API key. */
    default boolean apiKey() {
        return false;
    }

    /** Whether this is the application itself (start-up provisioning, demo data). */
    default boolean system() {
        return false;
    }

    default boolean can(Area area, AccessLevel required) {
        return levelFor(area).includes(required);
    }
}
