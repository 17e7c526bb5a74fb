package io.portevoix.delivery.application.port;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hands messages to mail servers. Adapter: SMTP (Simple Java Mail, one connection pool per
 * server). To add a provider, implement this port in an adapter package and select it by configuration.
 */
public interface MailTransport {

    /** The installation's own server ({@code PORTEVOIX_SMTP_*}, else the demo sandbox), used when none is configured. */
    Optional<MailServer> builtIn();

    /** Sends one message through {@code server}; throws {@link MailTransportException} when it refuses it or cannot be reached. */
    void send(MailServer server, OutgoingMail mail);

    /** Connects (and logs in) to the server, then disconnects; throws {@link MailTransportException} when that fails. */
    void test(MailServer server);

    /**
     * The server refused the message or could not be reached. {@code permanent}: the server
     * answered 5xx for this message (this recipient will never be accepted). {@code serverFault}:
     * the server itself failed (no connection, dropped connection, 421, login refused): another
     * server may take the message at once. Otherwise (a 4xx for this message) a later attempt may succeed.
     */
    final class MailTransportException extends RuntimeException {

        private final boolean permanent;
        private final boolean serverFault;

        public MailTransportException(String message, @Nullable Throwable cause) {
            this(message, cause, false, true);
        }

        public MailTransportException(String message, @Nullable Throwable cause, boolean permanent, boolean serverFault) {
            super(message, cause);
            this.permanent = permanent;
            this.serverFault = serverFault;
        }

        public boolean permanent() {
            return permanent;
        }

        public boolean serverFault() {
            return serverFault;
        }
    }
}
