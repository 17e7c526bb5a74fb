package io.portevoix.tracking;

import java.util.Locale;
import java.util.Optional;

/**
 * The web version of a member's message: the account the page is branded with and its language,
 * and the message as the member received it (subject and HTML, links tracked), empty when it is no
 * longer available (the member was erased, or the message cannot be found).
 */
public record WebVersion(String accountName, Locale locale, Optional<Message> message) {

    /** The subject and the HTML of the message, its links rewritten to the member's signed redirects. */
    public record Message(String subject, String html) {
    }
}
