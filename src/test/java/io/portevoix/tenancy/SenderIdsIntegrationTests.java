package io.portevoix.tenancy;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import java.math.BigDecimal;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;

@PorteVoixTest
class SenderIdsIntegrationTests {

    /** The demo data's platform administrator. */
    static final String PLATFORM_ADMIN = "admin@porte-voix.demo";
    static final String PLATFORM_ADMIN_PASSWORD = "porte-voix-demo";

    @Autowired AccountCommands accounts;
    @Autowired UserCommands users;
    @Autowired SenderIdQueries queries;
    @Autowired SenderIdCommands commands;
    @Autowired AuditLog audit;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired JdbcClient jdbc;

    String adminA;
    String adminB;
    String nameA;
    AccountId accountA;
    AccountId accountB;

    @BeforeEach
    void twoAccounts() {
        adminA = uniqueEmail("sid-a");
        adminB = uniqueEmail("sid-b");
        nameA = "Club SID A " + UUID.randomUUID().toString().substring(0, 6);
        accountA = asSystem(() -> accounts.create(new CreateAccount(nameA, null, new EmailAddress(adminA), "", PASSWORD)));
        accountB = asSystem(() -> accounts.create(new CreateAccount("Club SID B", null, new EmailAddress(adminB), "", PASSWORD)));
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private void asPlatformAdministrator() {
        Actor actor = login(loginProvider, PLATFORM_ADMIN, PLATFORM_ADMIN_PASSWORD);
        assertThat(actor.platformAdministrator()).isTrue();
    }

    @Test
    void aRequestWaitsForThePlatformAdministratorAndOnceApprovedServesThatAccountOnly() {
        login(loginProvider, adminA);
        SenderIdId id = commands.request(" VITALIS ");
        assertThat(queries.list()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("VITALIS");
            assertThat(s.status()).isEqualTo(SenderIdStatus.REQUESTED);
            assertThat(s.requestedBy()).isEqualTo(adminA);
        });
        assertThat(queries.isApproved("VITALIS")).isFalse();

        asPlatformAdministrator();
        assertThat(queries.pending()).filteredOn(s -> s.id().equals(id)).singleElement().satisfies(s -> {
            assertThat(s.accountId()).isEqualTo(accountA);
            assertThat(s.accountName()).isEqualTo(nameA);
        });
        commands.approve(id, "Nom du réseau");
        assertThat(queries.pending()).noneMatch(s -> s.id().equals(id));
        assertThat(queries.all(SenderIdStatus.APPROVED)).anyMatch(s -> s.id().equals(id));

        login(loginProvider, adminA);
        assertThat(queries.isApproved("VITALIS")).isTrue();
        assertThat(queries.isApproved("vitalis")).as("the exact spelling is approved").isFalse();
        assertThat(queries.approved()).containsExactly("VITALIS");
        assertThat(queries.list()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SenderIdStatus.APPROVED);
            assertThat(s.decidedBy()).isEqualTo(PLATFORM_ADMIN);
            assertThat(s.decidedAt()).isNotNull();
            assertThat(s.decisionComment()).isEqualTo("Nom du réseau");
        });

        login(loginProvider, adminB);
        assertThat(queries.isApproved("VITALIS")).isFalse();
        assertThat(queries.approved()).isEmpty();
        assertThat(queries.list()).isEmpty();
    }

    @Test
    void anotherAccountCannotSeeDecideOrWithdrawTheSenderIdsOfAnAccount() {
        login(loginProvider, adminA);
        SenderIdId id = commands.request("CLUBA");

        login(loginProvider, adminB);
        assertThatThrownBy(() -> commands.withdraw(id)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> commands.approve(id, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commands.refuse(id, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queries.pending()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queries.all(null)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from tenancy.sender_id where id = ?").param(id.value())
                .query(Integer.class).single()).as("row-level security hides A's row from B's session").isZero();
        assertThat(jdbc.sql("update tenancy.sender_id set status = 'APPROVED' where id = ?").param(id.value()).update())
                .as("nor can B's session change it").isZero();

        login(loginProvider, adminA);
        assertThat(queries.list()).singleElement().extracting(SenderIdDetails::status).isEqualTo(SenderIdStatus.REQUESTED);
        assertThat(queries.isApproved("CLUBA")).isFalse();
    }

    @Test
    void onlySettingsEditorsRequestAndWithdraw() {
        login(loginProvider, adminA);
        SenderIdId id = commands.request("VITALIS");
        String guest = uniqueEmail("sid-guest");
        users.add(new AddUser(new EmailAddress(guest), "Invité", PASSWORD, false, AccessLevels.all(AccessLevel.GUEST)));
        String contactsEditor = uniqueEmail("sid-contacts");
        users.add(new AddUser(new EmailAddress(contactsEditor), "Éditeur contacts", PASSWORD, false,
                AccessLevels.all(AccessLevel.APPROVER).with(Area.SETTINGS, AccessLevel.GUEST)));
        String noSettings = uniqueEmail("sid-none");
        users.add(new AddUser(new EmailAddress(noSettings), "Sans paramètres", PASSWORD, false,
                AccessLevels.none().with(Area.SMS_CAMPAIGNS, AccessLevel.APPROVER)));

        login(loginProvider, guest);
        assertThat(queries.list()).hasSize(1);
        assertThatThrownBy(() -> commands.request("AUTRE")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commands.withdraw(id)).isInstanceOf(AccessDeniedException.class);

        login(loginProvider, contactsEditor);
        assertThatThrownBy(() -> commands.request("AUTRE")).isInstanceOf(AccessDeniedException.class);

        login(loginProvider, noSettings);
        assertThatThrownBy(() -> queries.list()).isInstanceOf(AccessDeniedException.class);
        assertThat(queries.isApproved("VITALIS")).as("sending checks need no settings access").isFalse();

        login(loginProvider, adminA);
        commands.withdraw(id);
        assertThat(queries.list()).singleElement().extracting(SenderIdDetails::status).isEqualTo(SenderIdStatus.WITHDRAWN);
    }

    @Test
    void anAccountHasOneLiveSenderIdPerValueIgnoringCaseAndMayAskAgainAfterARefusal() {
        login(loginProvider, adminA);
        SenderIdId first = commands.request("VITALIS");
        assertThatThrownBy(() -> commands.request("vitalis")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("value"));
        assertThatThrownBy(() -> commands.request("CLUB-LYON")).isInstanceOf(InvalidInputException.class);

        asPlatformAdministrator();
        commands.refuse(first, "Marque d’un tiers");
        assertThatThrownBy(() -> commands.approve(first, "")).isInstanceOf(IllegalStateException.class);

        login(loginProvider, adminA);
        SenderIdId second = commands.request("Vitalis");
        assertThat(queries.list()).extracting(SenderIdDetails::id, SenderIdDetails::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, SenderIdStatus.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(second, SenderIdStatus.REQUESTED));
        assertThat(queries.isApproved("VITALIS")).isFalse();
    }

    @Test
    void theFeeShownBeforehandIsRecordedWithTheRequest() {
        login(loginProvider, adminA);
        assertThat(queries.fee()).isEqualByComparingTo(new BigDecimal("49.00"));
        SenderIdId id = commands.request("VITALIS");
        assertThat(queries.list()).singleElement().extracting(SenderIdDetails::fee)
                .isEqualTo(new BigDecimal("49.00"));
        assertThat(jdbc.sql("select fee_cents from tenancy.sender_id where id = ?").param(id.value())
                .query(Integer.class).single()).isEqualTo(4900);
    }

    @Test
    void requestsDecisionsAndWithdrawalsAreAuditedInTheAccount() {
        login(loginProvider, adminA);
        SenderIdId id = commands.request("VITALIS");
        asPlatformAdministrator();
        commands.approve(id, "OK");
        login(loginProvider, adminA);
        commands.withdraw(id);

        assertThat(audit.find(AuditFilter.NONE, PageSpec.first(50)))
                .filteredOn(e -> e.action().startsWith("sender-id."))
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::target)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sender-id.request", adminA, "VITALIS"),
                        org.assertj.core.groups.Tuple.tuple("sender-id.approve", PLATFORM_ADMIN, "VITALIS"),
                        org.assertj.core.groups.Tuple.tuple("sender-id.withdraw", adminA, "VITALIS"));
        login(loginProvider, adminB);
        assertThat(audit.find(AuditFilter.NONE, PageSpec.first(50))).noneMatch(e -> e.action().startsWith("sender-id."));
    }
}
