package io.portevoix.audience.spi;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.SentMessage;
import java.util.List;

/** The messages sent to a member of the current account, newest first. */
public interface CommunicationHistory {

    List<SentMessage> messages(ContactId contact, int limit);
}
