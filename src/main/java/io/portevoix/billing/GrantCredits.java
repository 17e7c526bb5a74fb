package io.portevoix.billing;

import io.portevoix.shared.AccountId;
import java.util.Objects;

/** A platform administrator gives credits to an account. */
public record GrantCredits(AccountId account, long amount, String comment) {

    public static final long MAX = 100_000_000L;

    public GrantCredits {
        Objects.requireNonNull(account, "account");
        if (amount <= 0 || amount > MAX) {
            throw new IllegalArgumentException("A grant is between 1 and " + MAX + " credits");
        }
        comment = comment == null ? "" : comment.strip();
        if (comment.length() > 1000) {
            throw new IllegalArgumentException("A comment has at most 1,000 characters");
        }
    }
}
