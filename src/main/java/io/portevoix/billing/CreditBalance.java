package io.portevoix.billing;

/**
 * An account's credits: {@code balance} is what it owns, {@code reserved} the part held for sends
 * in progress or scheduled; what it can still spend is {@link #available()}.
 */
public record CreditBalance(long balance, long reserved) {

    public static final CreditBalance ZERO = new CreditBalance(0, 0);

    public long available() {
        return balance - reserved;
    }
}
