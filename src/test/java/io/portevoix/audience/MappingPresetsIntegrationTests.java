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
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/** Saved column mappings of the import wizard: named per account, replaced by name, checked, isolated. */
@PorteVoixTest
class MappingPresetsIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ImportCommands commands;
    @Autowired ImportQueries queries;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void aMappingIsSavedByNameReplacedIgnoringCaseAndSeenOnlyByItsAccount() {
        String admin = uniqueEmail("presets");
        String other = uniqueEmail("presets-other");
        asSystem(() -> accounts.create(new CreateAccount("Presets", null, new EmailAddress(admin), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Presets autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, admin);
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("Courriel", "email");
        mapping.put("Fin d'abonnement", "subscription.endDate");
        mapping.put("Notes", "");
        commands.savePreset("Logiciel du club", mapping);
        commands.savePreset("LOGICIEL DU CLUB", Map.of("Mail", "email"));
        assertThat(queries.presets()).singleElement().satisfies(preset -> {
            assertThat(preset.name()).isEqualTo("LOGICIEL DU CLUB");
            assertThat(preset.mapping()).containsExactly(Map.entry("Mail", "email"));
        });
        assertThatThrownBy(() -> commands.savePreset("Faux", Map.of("Col", "motDePasse")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("motDePasse");
        assertThatThrownBy(() -> commands.savePreset("Vide", Map.of("Col", ""))).isInstanceOf(InvalidInputException.class);

        login(loginProvider, other);
        assertThat(queries.presets()).isEmpty();
        commands.deletePreset("logiciel du club");
        login(loginProvider, admin);
        assertThat(queries.presets()).hasSize(1);
        commands.deletePreset("logiciel du club");
        assertThat(queries.presets()).isEmpty();
    }
}
