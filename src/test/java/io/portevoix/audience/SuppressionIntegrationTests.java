package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AddUser;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.UserCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;

/** The suppression list: normalised addresses, erased contacts kept as hashes, per account, by level. */
@PorteVoixTest
class SuppressionIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired UserCommands users;
    @Autowired SuppressionCommands commands;
    @Autowired SuppressionQueries queries;
    @Autowired ContactCommands contacts;
    @Autowired AuthenticationProvider loginProvider;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void addressesAreNormalisedErasedOnesKeptAsHashesAndAccountsSeparated() {
        String adminA = uniqueEmail("supp-a");
        String adminB = uniqueEmail("supp-b");
        asSystem(() -> accounts.create(new CreateAccount("Suppr A", null, new EmailAddress(adminA), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Suppr B", null, new EmailAddress(adminB), "", PASSWORD)));
        login(loginProvider, adminA);
        commands.add("Plainte@Club.FR", SuppressionReason.COMPLAINT, "a écrit à la CNIL");
        commands.add("06 12 34 56 78", SuppressionReason.HARD_BOUNCE, "");
        assertThat(queries.isSuppressed("plainte@club.fr")).isTrue();
        assertThat(queries.isSuppressed("+33612345678")).isTrue();
        assertThat(queries.isSuppressed("autre@club.fr")).isFalse();
        assertThatThrownBy(() -> commands.add("n'importe quoi", SuppressionReason.DO_NOT_CONTACT, ""))
                .isInstanceOf(InvalidInputException.class);

        var erased = contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "oubliee@club.fr").build(),
                ConsentSource.USER);
        contacts.erase(erased.contact().id());
        assertThat(queries.isSuppressed("OUBLIEE@club.fr")).isTrue();
        assertThat(queries.list()).anySatisfy(e -> {
            assertThat(e.address()).isNull();
            assertThat(e.reason()).isEqualTo(SuppressionReason.DO_NOT_CONTACT);
        });

        String guest = uniqueEmail("supp-guest");
        users.add(new AddUser(new EmailAddress(guest), "", PASSWORD, false, AccessLevels.all(AccessLevel.GUEST)));
        login(loginProvider, guest);
        assertThat(queries.list()).hasSize(3);
        assertThatThrownBy(() -> commands.add("x@club.fr", SuppressionReason.DO_NOT_CONTACT, ""))
                .isInstanceOf(AccessDeniedException.class);

        login(loginProvider, adminB);
        assertThat(queries.list()).isEmpty();
        assertThat(queries.isSuppressed("plainte@club.fr")).isFalse();
    }
}
