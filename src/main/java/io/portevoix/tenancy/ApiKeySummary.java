package io.portevoix.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An API key as listed in Settings; the secret itself is never shown again. */
public record ApiKeySummary(ApiKeyId id, String name, String prefix, AccessLevels levels, String createdBy,
        Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
