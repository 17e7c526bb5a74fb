package io.portevoix.audience;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of the contacts grid. */
public record ContactSummary(ContactId id, @Nullable String firstName, @Nullable String lastName, @Nullable String email,
        @Nullable String mobile, ContactStatus status, @Nullable String site, boolean primary, boolean emailMarketing,
        boolean smsMarketing, Instant createdAt) {
}
