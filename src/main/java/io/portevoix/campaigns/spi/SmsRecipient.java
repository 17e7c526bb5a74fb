package io.portevoix.campaigns.spi;

import io.portevoix.audience.ContactId;

/** A recipient of an SMS run, priced when the run starts: its country, the parts of its text, their credits. */
public record SmsRecipient(ContactId contactId, String mobile, String country, int parts, int credits) {
}
