package io.portevoix.tenancy;

import java.util.Objects;
import java.util.UUID;

public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "ApiKey id");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    public static ApiKeyId of(String value) {
        return new ApiKeyId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
