package io.portevoix.billing;

/** A send needs more credits than the account has available: refused, nothing reserved (a 402). */
public final class NotEnoughCreditsException extends RuntimeException {

    private final long needed;
    private final long available;

    public NotEnoughCreditsException(long needed, long available) {
        super("This send needs " + needed + " credits and the account has " + available + " available");
        this.needed = needed;
        this.available = available;
    }

    public long needed() {
        return needed;
    }

    public long available() {
        return available;
    }
}
