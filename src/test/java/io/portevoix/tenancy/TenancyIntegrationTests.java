package io.portevoix.tenancy;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.TestActors;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.portevoix.support.PorteVoixTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;

@PorteVoixTest
class TenancyIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AccountQueries accountQueries;
    @Autowired UserCommands users;
    @Autowired UserQueries userQueries;
    @Autowired ApiKeyCommands keys;
    @Autowired ApiKeyQueries keyQueries;
    @Autowired AuditLog audit;
    @Autowired AuthenticationProvider loginProvider;

    String adminA;
    String adminB;
    AccountId accountA;
    AccountId accountB;

    @BeforeEach
    void twoAccounts() {
        adminA = uniqueEmail("admin-a");
        adminB = uniqueEmail("admin-b");
        accountA = asSystem(() -> accounts.create(new CreateAccount("Club A", null, new EmailAddress(adminA), "Admin A", PASSWORD)));
        accountB = asSystem(() -> accounts.create(new CreateAccount("Club B", null, new EmailAddress(adminB), "Admin B", PASSWORD)));
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private String addUser(String who, boolean admin, AccessLevels levels) {
        String email = uniqueEmail(who);
        users.add(new AddUser(new EmailAddress(email), who, PASSWORD, admin, levels));
        return email;
    }

    @Test
    void anAdministratorSeesOnlyTheUsersSitesAndKeysOfTheirOwnAccount() {
        login(loginProvider, adminA);
        accounts.addSite("Salle A");
        keys.create("Logiciel A", AccessLevels.all(AccessLevel.APPROVER));

        login(loginProvider, adminB);
        assertThat(accountQueries.current().id()).isEqualTo(accountB);
        assertThat(userQueries.users()).extracting(AccountUser::email).containsExactly(adminB);
        assertThat(accountQueries.sites()).isEmpty();
        assertThat(keyQueries.list()).isEmpty();
        assertThat(accountQueries.find(accountA)).isEmpty();
        assertThat(audit.find(AuditFilter.NONE, PageSpec.first(100)))
                .noneMatch(entry -> entry.target().equals("Salle A") || entry.target().equals("Logiciel A"));
    }

    @Test
    void aGuestCanViewSettingsButCannotEditThem() {
        login(loginProvider, adminA);
        String guest = addUser("guest", false, AccessLevels.all(AccessLevel.GUEST));

        login(loginProvider, guest);
        assertThat(accountQueries.current().name()).isEqualTo("Club A");
        assertThatThrownBy(() -> accounts.addSite("Nouvelle salle")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.update(update("Renamed"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userQueries.users()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEditorEditsButCannotManageUsersOrKeys() {
        login(loginProvider, adminA);
        String editor = addUser("editor", false, AccessLevels.all(AccessLevel.EDITOR));

        login(loginProvider, editor);
        accounts.update(update("Club A renommé"));
        assertThat(accountQueries.current().name()).isEqualTo("Club A renommé");
        assertThatThrownBy(() -> keys.create("key", AccessLevels.all(AccessLevel.GUEST)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.add(new AddUser(new EmailAddress(uniqueEmail("x")), "x", PASSWORD, false,
                AccessLevels.none()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEditorHasNoApproverRightSoCannotSendOrValidate() {
        login(loginProvider, adminA);
        String editor = addUser("editor", false, AccessLevels.all(AccessLevel.EDITOR));

        Actor actor = login(loginProvider, editor);
        assertThat(actor.can(Area.EMAIL_CAMPAIGNS, AccessLevel.EDITOR)).isTrue();
        assertThat(actor.can(Area.EMAIL_CAMPAIGNS, AccessLevel.APPROVER)).isFalse();
        assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getAuthorities()).extracting(Object::toString)
                .contains("ROLE_EMAIL_CAMPAIGNS_EDITOR").doesNotContain("ROLE_EMAIL_CAMPAIGNS_APPROVER");
    }

    @Test
    void fiveFailedLoginsLockTheLoginEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(loginProvider, adminA, "wrong-password-" + System.nanoTime()))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(loginProvider, adminA, PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(login(loginProvider, adminB, PASSWORD).accountId()).contains(accountB);
    }

    @Test
    void aUserOfSeveralAccountsSwitchesBetweenThemAndOnlyThem() {
        login(loginProvider, adminB);
        users.add(new AddUser(new EmailAddress(adminA), "", null, false, AccessLevels.all(AccessLevel.GUEST)));

        login(loginProvider, adminA);
        assertThat(userQueries.myAccounts()).extracting(AccountMembership::accountId)
                .containsExactlyInAnyOrder(accountA, accountB);
        users.switchAccount(accountB);
        assertThat(TenantContext.currentAccount()).contains(accountB);
        assertThat(accountQueries.current().name()).isEqualTo("Club B");
        assertThat(TenantContext.currentActor().orElseThrow().can(Area.SETTINGS, AccessLevel.EDITOR)).isFalse();

        AccountId stranger = asSystem(() -> accounts.create(new CreateAccount("Club C", null,
                new EmailAddress(uniqueEmail("c")), "", PASSWORD)));
        assertThatThrownBy(() -> users.switchAccount(stranger)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theLastAdministratorCannotBeRemovedOrDemoted() {
        Actor admin = login(loginProvider, adminA);
        assertThatThrownBy(() -> users.remove(admin.userId().orElseThrow())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.changeAccess(admin.userId().orElseThrow(), false, AccessLevels.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sensitiveActionsAreAudited() {
        login(loginProvider, adminA);
        accounts.addSite("Salle audit");
        var key = keys.create("Audit key", AccessLevels.all(AccessLevel.GUEST));
        keys.revoke(key.id());
        addUser("audited", false, AccessLevels.none());

        assertThat(audit.find(AuditFilter.NONE, PageSpec.first(50))).extracting(AuditEntry::action)
                .contains("account.create", "user.login", "site.create", "apikey.create", "apikey.revoke", "user.add");
        assertThat(audit.find(new AuditFilter("apikey.revoke", null, null, null, null), PageSpec.first(10)))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(adminA);
                    assertThat(entry.target()).isEqualTo("Audit key");
                });
    }

    @Test
    void invalidSettingsAreRefusedWithAClearMessage() {
        login(loginProvider, adminA);
        assertThatThrownBy(() -> accounts.update(new UpdateAccount("Club A", "", PostalAddress.EMPTY,
                ZoneId.of("Europe/Paris"), Locale.GERMAN, "FR", "", "", SocialLinks.NONE)))
                .hasMessageContaining("French and English");
        assertThatThrownBy(() -> accounts.update(new UpdateAccount("Club A", "", PostalAddress.EMPTY,
                ZoneId.of("Europe/Paris"), Locale.FRENCH, "FR", "", "not-an-address", SocialLinks.NONE)))
                .hasMessageContaining("not-an-address");
        assertThatThrownBy(() -> accounts.addSite(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static UpdateAccount update(String name) {
        return new UpdateAccount(name, "", new PostalAddress("1 rue du Stade", "", "75001", "Paris", "FR"),
                ZoneId.of("Europe/Paris"), Locale.FRENCH, "FR", "Club", "club@example.org", SocialLinks.NONE);
    }
}
