package io.portevoix.templates;

/**
 * The automated-campaign types of the catalogue a template can be bound to, so that the
 * automation editor proposes it first. Binding is optional and only informative here.
 */
public enum AutomationType {
    BIRTHDAY, SUBSCRIPTION_ENDING, BOOKLET_EXPIRING, BOOKING_CONFIRMED, BOOKING_WAITLISTED, BOOKING_REMINDER,
    BOOKING_CANCELLED, WAITLIST_CANCELLED, WAITLIST_PROMOTED, AFTER_BECOMING_CLIENT, AFTER_RECORD_CREATED,
    AFTER_BECOMING_FORMER_CLIENT, DIRECT_DEBIT_REJECTED, CREDENTIALS_REQUEST, SIGNATURE_CODE
}
