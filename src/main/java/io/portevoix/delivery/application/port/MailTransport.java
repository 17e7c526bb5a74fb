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

    /**
     * The server refused the message or could not be reached. {@code permanent}: the server
     * answered 5xx (this recipient will never be accepted); otherwise (4xx, no connection) a
     * later attempt may succeed.
     */
    final class MailTransportException extends RuntimeException {

        private final boolean permanent;

        public MailTransportException(String message, Throwable cause) {
            this(message, cause, false);
        }

        public MailTransportException(String message, Throwable cause, boolean permanent) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
