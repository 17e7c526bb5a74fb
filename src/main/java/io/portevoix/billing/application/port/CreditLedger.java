package io.portevoix.billing.application.port;

import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditEntry;
import io.portevoix.billing.CreditEntryKind;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import java.time.Instant;
import java.util.List;

/** The append-only ledger and the balance derived from it. */
public interface CreditLedger {

    /**
     * Appends an entry; the store refuses (with {@link InsufficientCreditsException}) any entry
     * that would make the balance or the available credits negative.
     */
    CreditBalance append(AccountId account, Instant at, CreditEntryKind kind, long balanceDelta, long reservedDelta,
            String reference, String actor, String comment);

    CreditBalance balance(AccountId account);

    List<CreditEntry> entries(AccountId account, PageSpec page);

    int count(AccountId account);

    /** Thrown when an entry would take credits the account does not have. */
    final class InsufficientCreditsException extends RuntimeException {
        public InsufficientCreditsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
