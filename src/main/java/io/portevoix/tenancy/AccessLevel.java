package io.portevoix.tenancy;

/**
 * What an actor may do in an area. Levels are ordered: each one includes those before it.
 */
public enum AccessLevel {
    /** Sees nothing of the area. */
    NONE,
    /** Views. */
    GUEST,
    /** Views and edits, but cannot send or validate. */
    EDITOR,
    /** Views, edits, sends and validates. */
    APPROVER;

    public boolean includes(AccessLevel required) {
        return compareTo(required) >= 0;
    }

    /** The Spring Security role granted by this level in an area, e.g. {@code CONTACTS_EDITOR}. */
    public static String role(Area area, AccessLevel level) {
        return area.name() + "_" + level.name();
    }
}
