package io.portevoix.templates;

import java.util.Objects;
import java.util.UUID;

/** An image of an account's library. */
public record AssetId(UUID value) {

    public AssetId {
        Objects.requireNonNull(value, "asset id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
