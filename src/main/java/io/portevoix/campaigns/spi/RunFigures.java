package io.portevoix.campaigns.spi;

/**
 * A run's messages by state: waiting (or retrying), accepted by the server, failed for good, and
 * unknown (handed to the server when the process died: maybe sent, never sent twice).
 */
public record RunFigures(long targeted, long pending, long sent, long failed, long unknown) {

    public static final RunFigures NONE = new RunFigures(0, 0, 0, 0, 0);

    public boolean finished() {
        return pending == 0;
    }

    /** Credits a run uses: every message that left or may have left. */
    public long charged() {
        return sent + unknown;
    }
}
