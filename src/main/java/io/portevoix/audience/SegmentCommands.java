package io.portevoix.audience;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Saves segments of the current account. */
@PrimaryPort
public interface SegmentCommands {

    /**
     * Saves a segment. Criteria are the JSON tree of the grammar; an unknown field or an
     * operator that does not fit its field → {@link io.portevoix.shared.InvalidInputException}.
     */
    SegmentDetails create(String name, Object criteria);

    /** Renames a saved segment and replaces its criteria (checked as on creation). */
    SegmentDetails update(SegmentId id, String name, Object criteria);

    /** A copy named "… (copie)". */
    SegmentDetails duplicate(SegmentId id);

    void delete(SegmentId id);
}
