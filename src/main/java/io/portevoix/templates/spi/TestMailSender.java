package io.portevoix.templates.spi;

import io.portevoix.shared.EmailAddress;
import io.portevoix.templates.RenderedEmail;

/**
 * Sends a template's test e-mail now, outside any campaign: not counted in statistics, not
 * charged. Implemented by delivery with the account's mail transport.
 */
public interface TestMailSender {

    /** Whether a mail server (or the demo sandbox) is there to send through. */
    boolean available();

    /**
     * Sends {@code email} (already marked as a test) to {@code to} from the sender the real message
     * would have ({@code fromEmail}, or the platform's default sender when it is empty; a Reply-To when
     * {@code replyTo} is not empty), through the servers the real message would take ({@code servers}
     * when not empty, else the account's choice); fails with an exception the user can read.
     */
    void send(EmailAddress to, String fromEmail, String fromName, String replyTo, java.util.List<java.util.UUID> servers,
            RenderedEmail email);
}
