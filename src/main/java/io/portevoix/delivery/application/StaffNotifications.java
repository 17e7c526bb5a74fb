package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.UserAddedToAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tells a user by e-mail that they were given access to an account, with the login address.
 * Mail to staff never goes to members; without a configured server it is skipped (and logged).
 */
@Component
class StaffNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(StaffNotifications.class);

    private final MailRouting routing;
    private final DeliverySettings settings;

    StaffNotifications(MailRouting routing, DeliverySettings settings) {
        this.routing = routing;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(UserAddedToAccount event) {
        if (!routing.available()) {
            LOG.warn("No mail server configured: {} was not told about their access to {}", event.email(),
                    event.accountName());
            return;
        }
        boolean french = !"en".equals(event.locale());
        String login = settings.publicUrl().replaceAll("/+$", "") + "/login";
        String name = event.displayName().isBlank() ? event.email() : event.displayName();
        String subject = french ? "Vous avez accès à " + event.accountName() + " sur Porte-Voix"
                : "You have access to " + event.accountName() + " on Porte-Voix";
        String text = french
                ? "Bonjour " + name + ",\n\nVous avez désormais accès au compte « " + event.accountName()
                        + " » sur Porte-Voix.\nConnectez-vous avec votre adresse " + event.email() + " : " + login
                        + (event.newUser() ? "\n\nVotre administrateur vous communique votre mot de passe initial ;"
                                + " changez-le après votre première connexion (menu utilisateur)." : "")
                        + "\n\nL'équipe Porte-Voix"
                : "Hello " + name + ",\n\nYou now have access to the account \"" + event.accountName()
                        + "\" on Porte-Voix.\nLog in with your address " + event.email() + ": " + login
                        + (event.newUser() ? "\n\nYour administrator gives you your initial password;"
                                + " change it after your first login (user menu)." : "")
                        + "\n\nThe Porte-Voix team";
        String html = "<!doctype html><html lang=\"" + (french ? "fr" : "en") + "\"><body style=\"font-family:Arial,"
                + "sans-serif;color:#1f2937\">" + HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>")
                        .replace(HtmlUtils.htmlEscape(login, "UTF-8"), "<a href=\"" + HtmlUtils.htmlEscape(login, "UTF-8") + "\">"
                                + HtmlUtils.htmlEscape(login, "UTF-8") + "</a>")
                + "</body></html>";
        routing.route(null, java.util.List.of()).send(new OutgoingMail(new EmailAddress(settings.defaultSender()), "Porte-Voix",
                new EmailAddress(event.email()), subject, text, html));
    }
}
