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
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Typed custom attributes: definitions per account, values checked and normalised on the way in
 * (spreadsheet spellings included), and segment rules that compare by type in SQL.
 */
@PorteVoixTest
class AttributeDefinitionsIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries contactQueries;
    @Autowired SegmentQueries segments;
    @Autowired AttributeSettings settings;

    String admin;

    @BeforeEach
    void account() {
        admin = uniqueEmail("attributes");
        asSystem(() -> accounts.create(new CreateAccount("Attributs", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        settings.save(new AttributeDefinition("level", "Niveau", AttributeType.NUMBER, List.of()));
        settings.save(new AttributeDefinition("licenceEnd", "Fin de licence", AttributeType.DATE, List.of()));
        settings.save(new AttributeDefinition("volunteer", "Bénévole", AttributeType.BOOLEAN, List.of()));
        settings.save(new AttributeDefinition("shirt", "Taille de maillot", AttributeType.CHOICE, List.of("S", "M", "L")));
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private ContactDetails member(String email, Map<String, Object> attributes) {
        return contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, email).set(ContactField.ATTRIBUTES, attributes)
                .build(), ConsentSource.API).contact();
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void valuesAreCheckedAndStoredInTheirType() {
        ContactDetails c = member("typed@club.example", values("level", "12,5", "licenceEnd", "31/12/2026",
                "volunteer", "Oui", "shirt", "m", "free", "texte libre"));
        assertThat(c.attributes()).containsEntry("level", new BigDecimal("12.5")).containsEntry("licenceEnd", "2026-12-31")
                .containsEntry("volunteer", true).containsEntry("shirt", "M").containsEntry("free", "texte libre");
        ContactDetails reread = contactQueries.find(c.id()).orElseThrow();
        assertThat(reread.attributes().get("volunteer")).isEqualTo(true);
        assertThat(new BigDecimal(reread.attributes().get("level").toString())).isEqualByComparingTo("12.5");

        assertThatThrownBy(() -> member("bad@club.example", values("level", "douze", "licenceEnd", "31/02/2026",
                "volunteer", "peut-être", "shirt", "XXL")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("attributes.level", "attributes.licenceEnd", "attributes.volunteer",
                                "attributes.shirt"));
        assertThat(contactQueries.findByEmail("bad@club.example")).isEmpty();
    }

    @Test
    void segmentRulesCompareByType() {
        member("a@club.example", values("level", "9", "licenceEnd", "2026-03-01", "volunteer", true, "shirt", "S"));
        member("b@club.example", values("level", "10", "licenceEnd", "2027-01-15", "volunteer", "non", "shirt", "L"));
        member("c@club.example", values("level", 100, "shirt", "M"));
        // as text "9" > "10" > "100"; as numbers only 100 and 10 are at least 10
        assertThat(segments.count(rule("attributes.level", "gte", 10))).isEqualTo(2);
        assertThat(segments.count(rule("attributes.level", "between", List.of(9, 10)))).isEqualTo(2);
        assertThat(segments.count(rule("attributes.licenceEnd", "gt", "2026-12-31"))).isEqualTo(1);
        assertThat(segments.count(rule("attributes.licenceEnd", "isEmpty", null))).isEqualTo(1);
        assertThat(segments.count(rule("attributes.volunteer", "isTrue", null))).isEqualTo(1);
        assertThat(segments.count(rule("attributes.volunteer", "isFalse", null))).isEqualTo(2);
        assertThat(segments.count(rule("attributes.shirt", "in", List.of("s", "M")))).isEqualTo(2);
        assertThatThrownBy(() -> segments.count(rule("attributes.volunteer", "contains", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not fit");
        assertThat(segments.operatorsByField().get("attributes.licenceEnd")).contains("inNextDays", "between");
        assertThat(segments.suggestions("attributes.shirt")).containsExactly("S", "M", "L");
    }

    @Test
    void definitionsAreCheckedAndBelongToTheirAccount() {
        assertThatThrownBy(() -> settings.save(new AttributeDefinition("1bad key", "", AttributeType.CHOICE, List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("key", "label", "choices"));
        assertThat(settings.definitions()).extracting(AttributeDefinition::label)
                .containsExactly("Bénévole", "Fin de licence", "Niveau", "Taille de maillot");
        String other = uniqueEmail("attributes-other");
        asSystem(() -> accounts.create(new CreateAccount("Autre club", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, other);
        assertThat(settings.definitions()).isEmpty();
        settings.delete("level");
        login(loginProvider, admin);
        assertThat(settings.definitions()).hasSize(4);
        settings.delete("level");
        assertThat(settings.definitions()).hasSize(3);
    }

    private static Map<String, Object> rule(String field, String op, Object value) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("field", field);
        rule.put("op", op);
        if (value != null) {
            rule.put("value", value);
        }
        return Map.of("match", "ALL", "rules", List.of(rule));
    }
}
