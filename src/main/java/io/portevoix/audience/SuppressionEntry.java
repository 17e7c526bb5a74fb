package io.portevoix.audience;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An address on the suppression list. The address itself is absent when only its hash is kept
 * (an erased contact's address, so that it is not re-imported into marketing by mistake).
 */
public record SuppressionEntry(String addressHash, @Nullable String address, SuppressionReason reason, String comment,
        Instant createdAt) {
}
