package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.tenancy.Area;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AddUser;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.UserCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;

/** A user given access to an account is told by e-mail, through real SMTP into the sandbox server. */
@PorteVoixTest
class StaffNotificationsIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired UserCommands users;
    @Autowired MailSandbox sandbox;
    @Autowired io.portevoix.tenancy.UserQueries userQueries;
    @Autowired io.portevoix.billing.CreditCommands creditCommands;
    @Autowired io.portevoix.audience.ContactCommands contacts;
    @Autowired io.portevoix.campaigns.CampaignCommands campaigns;
    @Autowired AuthenticationProvider loginProvider;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void aNewUserReceivesTheLoginAddressInTextAndHtml() {
        String admin = uniqueEmail("notify-admin");
        asSystem(() -> accounts.create(new CreateAccount("Club Notifié", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        String newcomer = uniqueEmail("newcomer");
        users.add(new AddUser(new EmailAddress(newcomer), "Léa Moreau", PASSWORD, false, AccessLevels.all(AccessLevel.GUEST)));
        TestActors.logout();

        SandboxMessage message = await().atMost(Duration.ofSeconds(15)).until(() -> asSystem(() -> sandbox.messages())
                .stream().filter(m -> m.to().contains(newcomer)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(message.subject()).isEqualTo("Vous avez accès à Club Notifié sur Porte-Voix");
        assertThat(message.text()).contains("Bonjour Léa Moreau").contains("/login").contains("mot de passe initial");
        assertThat(message.html()).contains("<a href=\"http://localhost").contains("Léa Moreau");
        assertThat(message.from()).startsWith("noreply@");
    }

    @Test
    void theApproversOfTheChannelAreToldByEmailThatACampaignWaitsForThem() {
        String admin = uniqueEmail("approval-admin");
        String club = "Club Validé " + System.nanoTime();
        io.portevoix.shared.AccountId account = asSystem(() -> accounts.create(new CreateAccount(club, null,
                new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        String editor = uniqueEmail("approval-editor");
        String approver = uniqueEmail("approval-approver");
        String smsApprover = uniqueEmail("approval-sms");
        users.add(new AddUser(new EmailAddress(editor), "Éric Rédacteur", PASSWORD, false, AccessLevels.all(AccessLevel.EDITOR)));
        users.add(new AddUser(new EmailAddress(approver), "Anne Valide", PASSWORD, false,
                AccessLevels.all(AccessLevel.EDITOR).with(Area.EMAIL_CAMPAIGNS, AccessLevel.APPROVER)));
        users.add(new AddUser(new EmailAddress(smsApprover), "Sam Texto", PASSWORD, false,
                AccessLevels.all(AccessLevel.EDITOR).with(Area.SMS_CAMPAIGNS, AccessLevel.APPROVER)));
        // the admin and the SMS approver did not ask for approval requests; the e-mail approver did
        TestActors.logout();
        login(loginProvider, approver);
        assertThat(userQueries.myStaffMail()).isEmpty();
        users.changeMyStaffMail(java.util.EnumSet.of(io.portevoix.tenancy.StaffMail.APPROVAL_REQUESTS));
        TestActors.logout();
        login(loginProvider, smsApprover);
        users.changeMyStaffMail(java.util.EnumSet.allOf(io.portevoix.tenancy.StaffMail.class));
        TestActors.logout();
        login(loginProvider, admin);
        users.changeMyStaffMail(java.util.EnumSet.of(io.portevoix.tenancy.StaffMail.SEND_REPORTS));
        String domain = "v" + System.nanoTime() + ".example";
        for (int i = 0; i < 2; i++) {
            contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "m" + i + "@" + domain).build(), ConsentSource.API);
        }
        TestActors.logout();
        login(loginProvider, editor);
        CampaignDetails c = campaigns.create(new CampaignDraft("Assemblée générale", "", Channel.EMAIL,
                BroadcastType.INFORMATIVE, new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Convocation", "", "<p>Bonjour</p>", "", null, "", "", "", "")));
        assertThat(campaigns.send(c.id(), null).status()).isEqualTo(CampaignStatus.PENDING_APPROVAL);
        TestActors.logout();

        List<SandboxMessage> notices = await().atMost(Duration.ofSeconds(15)).until(() -> asSystem(() -> sandbox.messages())
                .stream().filter(m -> m.subject().equals("À valider : Assemblée générale (" + club + ")")).toList(),
                found -> !found.isEmpty());
        assertThat(notices).flatExtracting(SandboxMessage::to).containsExactly(approver);
        SandboxMessage notice = notices.stream().filter(m -> m.to().contains(approver)).findFirst().orElseThrow();
        assertThat(notice.text()).contains("Bonjour Anne Valide").contains(editor)
                .contains("à 2 destinataires").contains("dès sa validation").contains("/campaigns/" + c.id());
        assertThat(notice.html()).contains("<a href=\"http://localhost");

        // once the approved run ends, those who asked for send reports and see e-mail campaigns get one
        login(loginProvider, admin);
        asSystem(() -> creditCommands.grant(new io.portevoix.billing.GrantCredits(account, 10, "test")));
        campaigns.approve(c.id(), "OK");
        TestActors.logout();
        List<SandboxMessage> reports = await().atMost(Duration.ofSeconds(30)).until(() -> asSystem(() -> sandbox.messages())
                .stream().filter(m -> m.subject().equals("Envoi terminé : Assemblée générale (" + club + ")")).toList(),
                found -> !found.isEmpty());
        // the SMS approver edits e-mail campaigns too, so sees them; the e-mail approver asked for approvals only
        assertThat(reports).flatExtracting(SandboxMessage::to).containsExactlyInAnyOrder(admin, smsApprover);
        assertThat(reports.getFirst().text()).contains("Destinataires : 2").contains("Envoyés : 2")
                .contains("Échecs : 0");
        assertThat(asSystem(() -> sandbox.messages())).filteredOn(m -> m.to().stream().anyMatch(t -> t.endsWith("@" + domain)))
                .as("staff mail never goes to the campaign's recipients").noneMatch(m -> m.subject().startsWith("Envoi terminé")
                        || m.subject().startsWith("À valider"));
    }

    @Test
    void onlyPlatformAdministratorsReadTheSandbox() {
        String admin = uniqueEmail("sandbox-reader");
        asSystem(() -> accounts.create(new CreateAccount("Club Curieux", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.messages())
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asSystem(() -> sandbox.enabled())).isTrue();
        List<SandboxMessage> all = asSystem(() -> sandbox.messages());
        assertThat(all).isNotNull();
    }
}
