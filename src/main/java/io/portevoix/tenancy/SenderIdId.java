package io.portevoix.tenancy;

import java.util.Objects;
import java.util.UUID;

public record SenderIdId(UUID value) {

    public SenderIdId {
        Objects.requireNonNull(value, "SenderId id");
    }

    public static SenderIdId random() {
        return new SenderIdId(UUID.randomUUID());
    }

    public static SenderIdId of(String value) {
        return new SenderIdId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
