package io.portevoix.audience;

/** A contact an audience resolves to, with the one address a message goes to. */
public record Recipient(ContactId contactId, String address) {
}
