package io.portevoix.billing;

import java.time.Instant;

/** One line of the ledger. */
public record CreditEntry(long id, Instant at, CreditEntryKind kind, long balanceDelta, long reservedDelta,
        String reference, String actor, String comment) {
}
