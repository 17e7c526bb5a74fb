package io.portevoix.campaigns.spi;

import io.portevoix.audience.ContactId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recipient of a run: the member, the address used, the message's state and when it left. */
public record RunRecipient(ContactId contact, String address, String state, @Nullable Instant sentAt) {
}
