package io.portevoix.audience;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.Objects;
import java.util.UUID;

public record ContactId(UUID value) {

    /**
     * Version 7 (RFC 9562): the creation time in milliseconds, then random bits. Contacts created
     * together get neighbouring ids, so a large import appends to the primary key and to the
     * indexes that reference contacts (consent history, import members) instead of touching a
     * random page of each for every row.
     */
    private static final TimeBasedEpochGenerator TIME_ORDERED = Generators.timeBasedEpochGenerator();

    public ContactId {
        Objects.requireNonNull(value, "contact id");
    }

    /** A new id, time-ordered (version 7). */
    public static ContactId random() {
        return new ContactId(TIME_ORDERED.generate());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
