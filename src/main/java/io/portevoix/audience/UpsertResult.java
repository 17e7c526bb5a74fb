package io.portevoix.audience;

/** The contact after a create-or-update, and whether it was created. */
public record UpsertResult(ContactDetails contact, boolean created) {
}
