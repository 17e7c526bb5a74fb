package io.portevoix.delivery.application.port;

/**
 * Hands messages to a mail server. Adapters: SMTP (a configured server, or the demo sandbox).
 * To add a provider, implement this port in an adapter package and select it by configuration.
 */
public interface MailTransport {

    /** Whether a server is configured; without one, messages cannot be sent. */
    boolean available();

    /** Sends one message; throws {@link MailTransportException} when the server refuses it or cannot be reached. */
    void send(OutgoingMail mail);

    /** The server refused the message or could not be reached. */
    final class MailTransportException extends RuntimeException {
        public MailTransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
