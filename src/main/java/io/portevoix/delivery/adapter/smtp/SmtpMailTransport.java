package io.portevoix.delivery.adapter.smtp;

import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.simplejavamail.api.email.config.DkimConfig;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Sends through the configured SMTP server, or through the demo sandbox when none is configured. */
@Component
class SmtpMailTransport implements MailTransport, DisposableBean {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpMailTransport.class);

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
        var email = EmailBuilder.startingBlank()
                .from(mail.fromName(), mail.from().value())
                .to(mail.to().value())
                .withSubject(mail.subject())
                .withPlainText(mail.text())
                .withHTMLText(mail.html());
        if (mail.messageId() != null) {
            email.fixingMessageId(mail.messageId());
        }
        if (mail.replyTo() != null) {
            email.withReplyTo(mail.replyTo().value());
        }
        if (mail.bounceTo() != null) {
            email.withBounceTo(mail.bounceTo().value());
        }
        mail.headers().forEach(email::withHeader);
        if (mail.dkim() != null) {
            email.signWithDomainKey(DkimConfig.builder().dkimPrivateKeyData(mail.dkim().privateKey())
                    .dkimSigningDomain(mail.dkim().domain()).dkimSelector(mail.dkim().selector()).build());
        }
        try {
            mailer.sendMail(email.buildEmail());
        } catch (RuntimeException e) {
            if (mail.dkim() != null && dkimRefused(e)) {
                // the signer checks the key published in DNS as the data is written, before the server accepts it:
                // nothing was delivered, so the message leaves unsigned rather than not at all
                LOG.warn("DKIM signing for {} was refused ({}): sent unsigned", mail.dkim(), rootMessage(e));
                send(mail.signedWith(java.util.Optional.empty()));
                return;
            }
            Integer code = replyCode(e);
            boolean permanent = code != null && code >= 500;
            throw new MailTransportException("The mail server " + (code == null ? "could not be reached or failed"
                    : "answered " + code) + ": " + rootMessage(e), e, permanent);
        }
    }

    private static boolean dkimRefused(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.simplejavamail.utils.mail.dkim.DkimSigningException
                    || t instanceof org.simplejavamail.utils.mail.dkim.DkimException) {
                return true;
            }
        }
        return false;
    }

    /** The SMTP reply code of the failure, when the server gave one. */
    static @Nullable Integer replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof jakarta.mail.SendFailedException failed && failed.getNextException() != null
                    && failed.getNextException() != t) {
                Integer next = replyCode(failed.getNextException());
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void destroy() {
        if (mailer != null) {
            mailer.shutdownConnectionPool();
        }
    }
}
