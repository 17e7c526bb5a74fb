package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/** The account's uniqueness key decides which contact an upsert updates, and the database forbids duplicates on it. */
@PorteVoixTest
class UniquenessKeyIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries queries;
    @Autowired AuthenticationProvider loginProvider;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private UpsertResult upsert(String email, String externalRef) {
        return contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, email)
                .set(ContactField.EXTERNAL_REF, externalRef).build(), ConsentSource.USER);
    }

    @Test
    void switchingToTheExternalReferenceKeyChangesWhatAnUpsertMatches() {
        String admin = uniqueEmail("key");
        asSystem(() -> accounts.create(new CreateAccount("Clé", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        assertThat(queries.uniquenessKey()).isEqualTo(UniquenessKey.EMAIL);
        upsert("famille@club.fr", "ADH-1");
        assertThat(upsert("FAMILLE@club.fr", "ADH-2").created()).as("same e-mail, same contact").isFalse();
        assertThat(queries.findByEmail("Famille@Club.fr")).as("found by e-mail, their key").hasSize(1);

        contacts.changeUniquenessKey(UniquenessKey.EXTERNAL_REF);
        assertThat(queries.uniquenessKey()).isEqualTo(UniquenessKey.EXTERNAL_REF);
        assertThat(upsert("famille@club.fr", "ADH-3").created()).as("a second member of the family").isTrue();
        assertThat(upsert("famille@club.fr", "ADH-3").created()).as("matched on the reference").isFalse();
        assertThat(queries.findByEmail("Famille@Club.fr")).as("found by e-mail though it is no longer their key")
                .hasSize(2);

        assertThatThrownBy(() -> contacts.changeUniquenessKey(UniquenessKey.EMAIL))
                .hasMessageContaining("share the same email");
        assertThat(queries.uniquenessKey()).isEqualTo(UniquenessKey.EXTERNAL_REF);
    }
}
