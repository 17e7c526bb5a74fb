package io.portevoix.audience;

import java.util.Objects;
import java.util.UUID;

public record SegmentId(UUID value) {

    public SegmentId {
        Objects.requireNonNull(value, "segment id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
