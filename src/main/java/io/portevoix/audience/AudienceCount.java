package io.portevoix.audience;

import java.util.Map;

/** The contacts an audience selects, those who would receive a message, and the others by reason. */
public record AudienceCount(long selected, long recipients, Map<Exclusion, Long> excluded) {

    public AudienceCount {
        excluded = Map.copyOf(excluded);
    }
}
