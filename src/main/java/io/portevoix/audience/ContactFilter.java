package io.portevoix.audience;

import org.jspecify.annotations.Nullable;

/** The contacts grid's quick search (name, e-mail or phone) and status filter; nulls do not filter. */
public record ContactFilter(@Nullable String search, @Nullable ContactStatus status) {

    public static final ContactFilter ALL = new ContactFilter(null, null);
}
