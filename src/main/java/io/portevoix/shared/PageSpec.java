package io.portevoix.shared;

/**
 * A page request as grids and APIs send it: offset and limit, bounded.
 */
public record PageSpec(int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public PageSpec {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageSpec first(int limit) {
        return new PageSpec(0, limit);
    }
}
