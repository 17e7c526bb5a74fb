package io.portevoix.campaigns.spi;

/**
 * A run's messages by state: pending (waiting, retrying, or {@code inFlight}: being handed to a
 * server right now), accepted by the server, failed for good, and unknown (handed to the server
 * when the process died: maybe sent, never sent twice).
 */
public record RunFigures(long targeted, long pending, long inFlight, long sent, long failed, long unknown) {

    public static final RunFigures NONE = new RunFigures(0, 0, 0, 0, 0, 0);

    /** Messages no server has yet: what a suspension gives back. */
    public long waiting() {
        return pending - inFlight;
    }

    public boolean finished() {
        return pending == 0;
    }

    /** Credits a run uses: every message that left or may have left. */
    public long charged() {
        return sent + unknown;
    }
}
