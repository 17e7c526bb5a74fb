package io.portevoix.audience;

import java.util.Objects;
import java.util.UUID;

public record ExportId(UUID value) {

    public ExportId {
        Objects.requireNonNull(value, "export id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
