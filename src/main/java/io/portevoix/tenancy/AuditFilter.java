package io.portevoix.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log screen; empty values do not filter. */
public record AuditFilter(@Nullable String action, @Nullable String actor, @Nullable Instant from, @Nullable Instant to,
        @Nullable String text) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
