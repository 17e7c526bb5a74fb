package io.portevoix.tenancy;

/**
 * How many months of message history an account keeps ({@value #MIN_MONTHS} to
 * {@value #MAX_MONTHS}, {@value #DEFAULT_MONTHS} by default): messages and their opens and clicks
 * older than that are deleted every day, their campaigns' figures kept as summaries.
 */
public record HistoryRetention(int months) {

    public static final int MIN_MONTHS = 6;
    public static final int MAX_MONTHS = 60;
    public static final int DEFAULT_MONTHS = 24;
    public static final HistoryRetention DEFAULT = new HistoryRetention(DEFAULT_MONTHS);

    public HistoryRetention {
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new IllegalArgumentException("History is kept for " + MIN_MONTHS + " to " + MAX_MONTHS + " months, not " + months);
        }
    }

    /** The instant before which history is no longer kept, {@code months} calendar months (UTC) before {@code now}. */
    public java.time.Instant cutoff(java.time.Instant now) {
        return now.atZone(java.time.ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
