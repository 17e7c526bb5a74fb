package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
