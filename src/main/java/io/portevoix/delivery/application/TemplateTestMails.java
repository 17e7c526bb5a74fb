package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.shared.EmailAddress;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.spi.TestMailSender;
import org.springframework.stereotype.Component;

/**
 * Test e-mails of the template library and of campaigns, sent straight through the mail transport (no
 * outbox, no credits), from the sender and through the servers the real message would have, signed when the
 * sender's domain has a key in the current account.
 */
@Component
class TemplateTestMails implements TestMailSender {

    private final MailRouting routing;
    private final DeliverySettings settings;
    private final DkimSignatures signatures;

    TemplateTestMails(MailRouting routing, DeliverySettings settings, DkimSignatures signatures) {
        this.routing = routing;
        this.settings = settings;
        this.signatures = signatures;
    }

    @Override
    public boolean available() {
        return routing.available();
    }

    @Override
    public void send(EmailAddress to, String fromEmail, String fromName, String replyTo, java.util.List<java.util.UUID> servers,
            RenderedEmail email) {
        String from = fromEmail.isBlank() ? settings.defaultSender() : fromEmail.strip();
        routing.route(io.portevoix.tenancy.TenantContext.currentAccount().orElse(null), servers).send(new OutgoingMail(
                new EmailAddress(from), fromName, to, email.subject(), email.text(), email.html(), null,
                replyTo.isBlank() ? null : new EmailAddress(replyTo.strip()), java.util.Map.of())
                .signedWith(signatures.forSender(from)));
    }
}
