package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of an account list. */
public record AccountSummary(AccountId id, @Nullable AccountId parentId, @Nullable String parentName, String name,
        int siteCount, int userCount, Instant createdAt) {
}
