package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/** The values the segment builder proposes: those of the account's own contacts, most frequent first. */
@PorteVoixTest
class SegmentSuggestionsIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired SegmentQueries segments;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private void member(String email, String subscription, List<String> tags) {
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, email).set(ContactField.SUBSCRIPTION_NAME, subscription)
                .set(ContactField.TAGS, tags).build(), ConsentSource.API);
    }

    @Test
    void theBuilderProposesTheAccountsOwnValuesMostFrequentFirst() {
        String admin = uniqueEmail("suggest");
        String other = uniqueEmail("suggest-other");
        asSystem(() -> accounts.create(new CreateAccount("Suggestions", null, new EmailAddress(admin), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Suggestions autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, other);
        member("x@autre.example", "Secret", List.of("Invisible"));
        login(loginProvider, admin);
        member("a@club.example", "Annuel", List.of("Dirigeant"));
        member("b@club.example", "Mensuel", List.of("Dirigeant", "Conseil"));
        member("c@club.example", "Annuel", List.of());
        assertThat(segments.suggestions("subscription.name")).containsExactly("Annuel", "Mensuel");
        assertThat(segments.suggestions("tags")).containsExactly("Dirigeant", "Conseil");
        assertThat(segments.suggestions("status")).containsExactly("PROSPECT", "CLIENT", "FORMER_CLIENT");
        assertThat(segments.suggestions("birthDate")).isEmpty();
    }
}
