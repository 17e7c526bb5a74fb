package io.portevoix.delivery.adapter.smtp;

import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Sends through the configured SMTP server, or through the demo sandbox when none is configured. */
@Component
class SmtpMailTransport implements MailTransport, DisposableBean {

    private final @Nullable Mailer mailer;

    SmtpMailTransport(DeliverySettings settings, SandboxSmtpServer sandbox) {
        DeliverySettings.Smtp smtp = settings.smtp();
        if (!smtp.host().isEmpty()) {
            var builder = MailerBuilder
                    .withSMTPServer(smtp.host(), smtp.port(), smtp.user().isEmpty() ? null : smtp.user(),
                            smtp.password().isEmpty() ? null : smtp.password())
                    .withTransportStrategy(switch (smtp.security()) {
                        case "tls" -> TransportStrategy.SMTPS;
                        case "starttls" -> TransportStrategy.SMTP_TLS;
                        default -> TransportStrategy.SMTP;
                    });
            mailer = builder.withSessionTimeout(30_000).buildMailer();
        } else if (sandbox.running()) {
            mailer = MailerBuilder.withSMTPServer("127.0.0.1", sandbox.port())
                    .withTransportStrategy(TransportStrategy.SMTP).buildMailer();
        } else {
            mailer = null;
        }
    }

    @Override
    public boolean available() {
        return mailer != null;
    }

    @Override
    public void send(OutgoingMail mail) {
        if (mailer == null) {
            throw new MailTransportException("No mail server is configured (PORTEVOIX_SMTP_HOST)", null);
        }
        try {
            mailer.sendMail(EmailBuilder.startingBlank()
                    .from(mail.fromName(), mail.from().value())
                    .to(mail.to().value())
                    .withSubject(mail.subject())
                    .withPlainText(mail.text())
                    .withHTMLText(mail.html())
                    .buildEmail());
        } catch (RuntimeException e) {
            throw new MailTransportException("The mail server refused or could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        if (mailer != null) {
            mailer.shutdownConnectionPool();
        }
    }
}
