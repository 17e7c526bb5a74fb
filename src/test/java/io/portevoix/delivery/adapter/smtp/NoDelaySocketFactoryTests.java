package io.portevoix.delivery.adapter.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.application.port.MailServer;
import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 500 messages of 40 KB over one reused connection, with and without {@link NoDelaySocketFactory}
 * (the session as the transport configures it, and the same session without the factory):
 * without, each message waits for the server's delayed ACK (Nagle holds the last segment), ~40
 * ms; with, a few milliseconds.
 */
class NoDelaySocketFactoryTests {

    private static final Logger LOG = LoggerFactory.getLogger(NoDelaySocketFactoryTests.class);
    static final int MESSAGES = 500;

    @Test
    void aReusedConnectionWithNoDelayDoesNotStallOnLargeMessages() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            Session session = SmtpMailTransport.session(new MailServer("nodelay", "127.0.0.1", server.port(),
                    SmtpSecurity.NONE, "", ""));
            assertThat(session.getProperty("mail.smtp.socketFactory.class")).isEqualTo(NoDelaySocketFactory.class.getName());
            java.util.Properties plain = new java.util.Properties();
            plain.putAll(session.getProperties());
            plain.remove("mail.smtp.socketFactory.class");
            double without = millisPerMessage(Session.getInstance(plain));
            double with = millisPerMessage(session);
            LOG.info("{} messages of 40 KB over one connection: {} ms each without TCP_NODELAY, {} ms with",
                    MESSAGES, String.format("%.2f", without), String.format("%.2f", with));
            assertThat(with).isLessThan(10);
            assertThat(with * 3).isLessThan(without);
        }
    }

    private static double millisPerMessage(Session session) throws Exception {
        try (SmtpConnections connections = new SmtpConnections(session, 1, 5_000)) {
            String html = "<p>" + "Bonjour à tous, ".repeat(40_000 / 16) + "</p>";
            for (int i = 0; i < 10; i++) {
                send(connections, i, html);
            }
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                send(connections, i, html);
            }
            return (System.nanoTime() - start) / 1e6 / MESSAGES;
        }
    }

    private static void send(SmtpConnections connections, int i, String html) throws Exception {
        MimeMessage message = MimeMail.of(connections.session(), new OutgoingMail(new EmailAddress("news@porte-voix.test"),
                "", new EmailAddress("m" + i + "@club.example"), "Vitesse", "Bonjour", html));
        Transport transport = connections.claim();
        transport.sendMessage(message, message.getAllRecipients());
        connections.release(transport, true);
    }
}
