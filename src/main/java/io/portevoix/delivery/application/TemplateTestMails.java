package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.shared.EmailAddress;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.spi.TestMailSender;
import org.springframework.stereotype.Component;

/** Test e-mails of the template library, sent straight through the mail transport (no outbox, no credits). */
@Component
class TemplateTestMails implements TestMailSender {

    private final MailRouting routing;
    private final DeliverySettings settings;

    TemplateTestMails(MailRouting routing, DeliverySettings settings) {
        this.routing = routing;
        this.settings = settings;
    }

    @Override
    public boolean available() {
        return routing.available();
    }

    @Override
    public void send(EmailAddress to, String fromName, RenderedEmail email) {
        routing.route(null, java.util.List.of()).send(new OutgoingMail(new EmailAddress(settings.defaultSender()), fromName, to, email.subject(),
                email.text(), email.html()));
    }
}
