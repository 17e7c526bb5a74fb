package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.shared.EmailAddress;
import io.portevoix.audience.Channel;
import io.portevoix.campaigns.CampaignRunFinished;
import io.portevoix.campaigns.CampaignSubmittedForApproval;
import io.portevoix.tenancy.StaffMail;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountUser;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UserAddedToAccount;
import io.portevoix.tenancy.UserQueries;
import java.text.NumberFormat;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail to the staff of an account: a user is told they were given access, with the login address;
 * the approvers of a channel who asked for it are told that a campaign waits for them (what, who
 * asked, how many recipients, a link to review it), and those who asked for send reports get the
 * figures of each finished run. Mail to staff never goes to members; without a configured server
 * it is skipped (and logged). It is signed when the platform sender's domain has a key in that account.
 */
@Component
class StaffNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(StaffNotifications.class);

    private final MailRouting routing;
    private final DeliverySettings settings;
    private final UserQueries users;
    private final AccountQueries accounts;

    private final TransactionTemplate separately;
    private final DkimSignatures signatures;

    StaffNotifications(MailRouting routing, DeliverySettings settings, UserQueries users, AccountQueries accounts,
            PlatformTransactionManager transactionManager, DkimSignatures signatures) {
        this.signatures = signatures;
        this.separately = new TransactionTemplate(transactionManager);
        // the listener's own transaction took its connection before the account was bound
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separately.setReadOnly(true);
        this.routing = routing;
        this.settings = settings;
        this.users = users;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(CampaignSubmittedForApproval event) {
        if (!routing.available()) {
            LOG.warn("No mail server configured: the approvers were not told about {}", event.name());
            return;
        }
        Staff approvers = staff(event.accountId(), StaffMail.APPROVAL_REQUESTS, event.channel(), AccessLevel.APPROVER);
        boolean french = !"en".equals(approvers.account().locale().getLanguage());
        String link = settings.publicUrl().replaceAll("/+$", "") + "/campaigns/" + event.campaignId();
        String when = event.at() == null ? (french ? "dès sa validation" : "as soon as it is approved")
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(approvers.account().locale()).format(event.at().atZone(approvers.account().timeZone()));
        String channel = event.channel() == Channel.SMS ? "SMS" : (french ? "e-mail" : "e-mail");
        String subject = french ? "À valider : " + event.name() + " (" + approvers.account().name() + ")"
                : "To approve: " + event.name() + " (" + approvers.account().name() + ")";
        String recipients = NumberFormat.getIntegerInstance(approvers.account().locale()).format(event.recipients());
        for (AccountUser approver : approvers.users()) {
            String name = approver.displayName().isBlank() ? approver.email() : approver.displayName();
            String text = french
                    ? "Bonjour " + name + ",\n\n" + event.submittedBy() + " demande l’envoi de la campagne " + channel
                            + " « " + event.name() + " » à " + recipients + " destinataires, " + when + ".\n"
                            + "Relisez-la, puis validez-la ou refusez-la avec un commentaire : " + link
                            + "\n\nL’équipe Porte-Voix"
                    : "Hello " + name + ",\n\n" + event.submittedBy() + " asks to send the " + channel + " campaign \""
                            + event.name() + "\" to " + recipients + " recipients, " + when + ".\n"
                            + "Review it, then approve or reject it with a comment: " + link + "\n\nThe Porte-Voix team";
            send(approvers, approver, subject, text, link, french);
        }
    }

    @ApplicationModuleListener
    void on(CampaignRunFinished event) {
        if (!routing.available()) {
            LOG.warn("No mail server configured: the send report of {} was not sent", event.name());
            return;
        }
        Staff readers = staff(event.accountId(), StaffMail.SEND_REPORTS, event.channel(), AccessLevel.GUEST);
        boolean french = !"en".equals(readers.account().locale().getLanguage());
        NumberFormat numbers = NumberFormat.getIntegerInstance(readers.account().locale());
        String link = settings.publicUrl().replaceAll("/+$", "") + "/campaigns/" + event.campaignId();
        String subject = french ? "Envoi terminé : " + event.name() + " (" + readers.account().name() + ")"
                : "Send finished: " + event.name() + " (" + readers.account().name() + ")";
        for (AccountUser reader : readers.users()) {
            String name = reader.displayName().isBlank() ? reader.email() : reader.displayName();
            String text = french
                    ? "Bonjour " + name + ",\n\nL’envoi n° " + event.runNumber() + " de la campagne « " + event.name()
                            + " » est terminé.\nDestinataires : " + numbers.format(event.targeted()) + "\nEnvoyés : "
                            + numbers.format(event.sent()) + "\nÉchecs : " + numbers.format(event.failed())
                            + "\nIssue inconnue : " + numbers.format(event.unknown())
                            + "\n\nLes ouvertures et les clics s’affichent en direct sur la page de la campagne : " + link
                            + "\n\nL’équipe Porte-Voix"
                    : "Hello " + name + ",\n\nSend no. " + event.runNumber() + " of the campaign \"" + event.name()
                            + "\" has finished.\nRecipients: " + numbers.format(event.targeted()) + "\nSent: "
                            + numbers.format(event.sent()) + "\nFailed: " + numbers.format(event.failed())
                            + "\nUnknown outcome: " + numbers.format(event.unknown())
                            + "\n\nOpens and clicks show live on the campaign's page: " + link + "\n\nThe Porte-Voix team";
            send(readers, reader, subject, text, link, french);
        }
    }

    /** Who of the account asked for this mail and has at least {@code level} on the channel, with the account and its signature. */
    private record Staff(List<AccountUser> users, AccountDetails account,
            java.util.Optional<io.portevoix.delivery.application.port.DkimSigning> dkim) {
    }

    private Staff staff(io.portevoix.shared.AccountId account, StaffMail mail, Channel channel, AccessLevel level) {
        Area area = channel == Channel.SMS ? Area.SMS_CAMPAIGNS : Area.EMAIL_CAMPAIGNS;
        return SystemActor.call("staff mail", () -> TenantContext.callAs(account, () -> separately.execute(status -> new Staff(
                users.askedFor(mail).stream().filter(u -> u.administrator() || u.levels().allows(area, level)).toList(),
                accounts.current(), signatures.forSender(account, settings.defaultSender())))));
    }

    private void send(Staff staff, AccountUser to, String subject, String text, String link, boolean french) {
        try {
            routing.route(null, List.of()).send(new OutgoingMail(new EmailAddress(settings.defaultSender()), "Porte-Voix",
                    new EmailAddress(to.email()), subject, text, html(text, link, french)).signedWith(staff.dkim()));
        } catch (io.portevoix.delivery.application.port.MailTransport.MailTransportException e) {
            LOG.warn("\"{}\" could not reach {}", subject, to.email(), e);
        }
    }

    private static String html(String text, String link, boolean french) {
        String escapedLink = HtmlUtils.htmlEscape(link, "UTF-8");
        return "<!doctype html><html lang=\"" + (french ? "fr" : "en") + "\"><body style=\"font-family:Arial,"
                + "sans-serif;color:#1f2937\">" + HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>")
                        .replace(escapedLink, "<a href=\"" + escapedLink + "\">" + escapedLink + "</a>")
                + "</body></html>";
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
        String from = settings.defaultSender();
        routing.route(null, List.of()).send(new OutgoingMail(new EmailAddress(from), "Porte-Voix", new EmailAddress(event.email()), subject,
                text, html(text, login, french)).signedWith(signatures.forSender(event.accountId(), from)));
    }
}
