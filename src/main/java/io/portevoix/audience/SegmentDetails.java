package io.portevoix.audience;

import java.time.Instant;

/**
 * A saved segment: its name and criteria as the JSON tree of the grammar (maps, lists and
 * scalars), exactly as the API takes and returns it.
 */
public record SegmentDetails(SegmentId id, String name, Object criteria, String createdBy, Instant createdAt,
        Instant updatedAt) {
}
