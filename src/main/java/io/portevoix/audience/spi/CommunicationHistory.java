package io.portevoix.audience.spi;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.SentMessage;
import java.util.List;

/** The messages sent to a member of the current account and the replies they sent back, newest first. */
public interface CommunicationHistory {

    List<SentMessage> messages(ContactId contact, int limit);

    /** The member's SMS replies, newest first. */
    List<io.portevoix.audience.ReceivedReply> replies(ContactId contact, int limit);
}
