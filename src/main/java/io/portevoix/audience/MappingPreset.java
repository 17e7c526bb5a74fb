package io.portevoix.audience;

import java.time.Instant;
import java.util.Map;

/** A saved column mapping of the import wizard (header → field), reused for files of the same shape. */
public record MappingPreset(String name, Map<String, String> mapping, String updatedBy, Instant updatedAt) {

    public MappingPreset {
        mapping = Map.copyOf(mapping);
    }
}
