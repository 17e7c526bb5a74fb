package io.portevoix.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as a member of the current account. */
public record AccountUser(UserId id, String email, String displayName, boolean administrator, AccessLevels levels,
        @Nullable Instant lastLoginAt) {
}
