package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alphanumeric sender ID of an account, with its request, the decision on it and the one-off
 * fee in euros as recorded when it was requested.
 */
public record SenderIdDetails(SenderIdId id, AccountId accountId, String accountName, String value,
        SenderIdStatus status, BigDecimal fee, String requestedBy, Instant requestedAt, @Nullable String decidedBy,
        @Nullable Instant decidedAt, String decisionComment) {
}
