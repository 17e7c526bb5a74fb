package io.portevoix.campaigns.spi;

/**
 * A run's messages by state: pending (waiting, retrying, or {@code inFlight}: being handed to a
 * server right now), accepted by the server, failed for good, and unknown (handed to the server
 * when the process died: maybe sent, never sent twice). SMS add what receipts reported
 * ({@code delivered}, {@code undelivered}: failed or expired on the operator's side), the parts
 * sent, the STOP replies, and credits: an e-mail costs one, an SMS its parts times its country's
 * rate, reserved per message when the run starts. {@code bounced} counts e-mails that left (they
 * are among {@code sent}) and came back as a hard or soft bounce.
 */
public record RunFigures(long targeted, long pending, long inFlight, long sent, long failed, long unknown,
        long delivered, long undelivered, long parts, long chargedCredits, long waitingCredits, long pendingCredits,
        long stops, long bounced) {

    public static final RunFigures NONE = new RunFigures(0, 0, 0, 0, 0, 0);

    /** Figures of e-mail messages, one credit each. */
    public RunFigures(long targeted, long pending, long inFlight, long sent, long failed, long unknown) {
        this(targeted, pending, inFlight, sent, failed, unknown, 0, 0, sent, sent + unknown, pending - inFlight, pending, 0, 0);
    }

    /** Messages no server has yet. */
    public long waiting() {
        return pending - inFlight;
    }

    public boolean finished() {
        return pending == 0;
    }

    /** Credits a run uses: every message that left or may have left. */
    public long charged() {
        return chargedCredits;
    }
}
