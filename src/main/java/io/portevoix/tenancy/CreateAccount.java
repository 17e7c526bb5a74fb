package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Creates an account, optionally as a child of a network headquarters, with its first
 * administrator (an existing user is simply added; a new one gets the given password).
 */
public record CreateAccount(String name, @Nullable AccountId parentId, EmailAddress administratorEmail,
        String administratorName, @Nullable String administratorPassword) {

    public CreateAccount {
        Objects.requireNonNull(administratorEmail, "administrator e-mail");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
        name = name.strip();
        administratorName = administratorName == null ? "" : administratorName.strip();
    }
}
