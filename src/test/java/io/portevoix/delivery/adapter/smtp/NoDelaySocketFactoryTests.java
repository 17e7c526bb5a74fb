package io.portevoix.delivery.adapter.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.support.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 500 messages of 40 KB over one pooled connection, with and without {@link NoDelaySocketFactory}
 * (configured as the transport configures it): without, each message waits for the server's
 * delayed ACK (Nagle holds the last segment), ~40 ms; with, a few milliseconds.
 */
class NoDelaySocketFactoryTests {

    private static final Logger LOG = LoggerFactory.getLogger(NoDelaySocketFactoryTests.class);
    static final int MESSAGES = 500;

    @Test
    void aPooledConnectionWithNoDelayDoesNotStallOnLargeMessages() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            double without = millisPerMessage(server, false);
            double with = millisPerMessage(server, true);
            LOG.info("{} messages of 40 KB over one pooled connection: {} ms each without TCP_NODELAY, {} ms with",
                    MESSAGES, String.format("%.2f", without), String.format("%.2f", with));
            assertThat(with).isLessThan(10);
            assertThat(with * 3).isLessThan(without);
        }
    }

    private static double millisPerMessage(ScriptedSmtpServer server, boolean noDelay) throws Exception {
        var builder = MailerBuilder.withSMTPServer("127.0.0.1", server.port()).withTransportStrategy(TransportStrategy.SMTP)
                .withConnectionPoolCoreSize(0).withConnectionPoolMaxSize(1);
        if (noDelay) {
            builder.withProperty("mail.smtp.socketFactory.class", NoDelaySocketFactory.class.getName());
        }
        Mailer mailer = builder.buildMailer();
        try {
            String html = "<p>" + "Bonjour à tous, ".repeat(40_000 / 16) + "</p>";
            for (int i = 0; i < 10; i++) {
                mailer.sendMail(email(i, html));
            }
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                mailer.sendMail(email(i, html));
            }
            return (System.nanoTime() - start) / 1e6 / MESSAGES;
        } finally {
            mailer.shutdownConnectionPool().get();
        }
    }

    private static Email email(int i, String html) {
        return EmailBuilder.startingBlank().from("news@porte-voix.test").to("m" + i + "@club.example").withSubject("Vitesse")
                .withPlainText("Bonjour").withHTMLText(html).buildEmail();
    }
}
