package io.portevoix.delivery.spi;

import io.portevoix.audience.ContactId;

/**
 * A campaign's HTML with its links found once, before it is rendered for each recipient:
 * {@link #html()} is the source with every fixed http(s) link (and the open pixel) marked, to
 * compile and render as usual; {@link #sign} then puts each recipient's signed redirects in place
 * of the marks by a plain search, with no HTML parsing per message (the same result as
 * {@link TrackingLinks#track}). Links whose target is a merge tag are found in each rendered
 * message as before.
 */
public interface PreparedLinks {

    /** The HTML to compile: the campaign's, its fixed links and the open pixel marked. */
    String html();

    /** A recipient's rendered HTML as sent: every link a signed redirect of theirs, with their open pixel. */
    String sign(String renderedHtml, ContactId contact);

    /** The text alternative to compile, its fixed http(s) URLs marked the same way (after {@link #html()}). */
    String markText(String text);

    /** A recipient's rendered text as sent: the same as {@link TrackingLinks#trackText}. */
    String signText(String renderedText, ContactId contact);
}
