package io.portevoix.tenancy;

import io.portevoix.shared.EmailAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Adds a user to the current account. A user who already exists elsewhere keeps their password;
 * a new user needs an initial password, which they change after their first login.
 */
public record AddUser(EmailAddress email, String displayName, @Nullable String initialPassword, boolean administrator,
        AccessLevels levels) {

    public AddUser {
        Objects.requireNonNull(email, "e-mail");
        Objects.requireNonNull(levels, "levels");
        displayName = displayName == null ? "" : displayName.strip();
    }
}
