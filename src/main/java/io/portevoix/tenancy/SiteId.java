package io.portevoix.tenancy;

import java.util.Objects;
import java.util.UUID;

public record SiteId(UUID value) {

    public SiteId {
        Objects.requireNonNull(value, "Site id");
    }

    public static SiteId random() {
        return new SiteId(UUID.randomUUID());
    }

    public static SiteId of(String value) {
        return new SiteId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
