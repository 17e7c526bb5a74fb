package io.portevoix.audience.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactStatus;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactChangesTests {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aNewContactIsNormalisedAndGetsTheDefaultConsents() {
        var result = ContactChanges.apply(null, ContactInput.builder()
                .set(ContactField.EMAIL, " Marie.Dupont@Club.fr ")
                .set(ContactField.MOBILE, "06 12 34 56 78")
                .set(ContactField.BIRTH_DATE, "14/07/1990")
                .set(ContactField.STATUS, " ancien client ")
                .set(ContactField.SUBSCRIPTION_END, "2027-01-31")
                .build(), "FR", null, NOW);
        var contact = result.contact();
        assertThat(contact.email()).isEqualTo("Marie.Dupont@Club.fr");
        assertThat(contact.mobile()).isEqualTo("+33612345678");
        assertThat(contact.birthDate()).isEqualTo(LocalDate.of(1990, 7, 14));
        assertThat(contact.status()).isEqualTo(ContactStatus.FORMER_CLIENT);
        assertThat(contact.primary()).isTrue();
        assertThat(contact.consents().allows(Channel.EMAIL, BroadcastType.INFORMATIVE)).isTrue();
        assertThat(contact.consents().allows(Channel.EMAIL, BroadcastType.MARKETING)).isFalse();
        assertThat(contact.consents().allows(Channel.SMS, BroadcastType.LEGAL)).isTrue();
        assertThat(ContactChanges.uniqueKey(contact, UniquenessKey.EMAIL)).isEqualTo("marie.dupont@club.fr");
    }

    @Test
    void absentFieldsStayAndConsentChangesAreReported() {
        var first = ContactChanges.apply(null, ContactInput.builder().set(ContactField.EMAIL, "a@club.fr")
                .set(ContactField.FIRST_NAME, "Anne").build(), "FR", null, NOW).contact();
        var second = ContactChanges.apply(first, ContactInput.builder()
                .set(ContactField.CONSENTS, Map.of(Channel.EMAIL, Map.of(BroadcastType.MARKETING, true,
                        BroadcastType.INFORMATIVE, true)))
                .build(), "FR", null, NOW.plusSeconds(5));
        assertThat(second.contact().firstName()).isEqualTo("Anne");
        assertThat(second.contact().consents().emailMarketing()).isTrue();
        assertThat(second.consentChanges()).containsExactly(
                new ContactChanges.ConsentToggle(Channel.EMAIL, BroadcastType.MARKETING, true));
        assertThat(second.contact().updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> ContactChanges.apply(null, ContactInput.builder()
                .set(ContactField.EMAIL, "not-an-address")
                .set(ContactField.MOBILE, "12")
                .set(ContactField.BIRTH_DATE, "31/02/1990")
                .set(ContactField.STATUS, "VIP")
                .set(ContactField.VISIT_COUNT, -1)
                .set(ContactField.FIRST_NAME, "x".repeat(1001))
                .set(ContactField.TAGS, List.of(""))
                .build(), "FR", null, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("email", "mobile", "birthDate", "status", "visitCount", "firstName",
                                "tags"));
    }

    @Test
    void aContactNeedsSomethingToReachOrIdentifyIt() {
        assertThatThrownBy(() -> ContactChanges.apply(null, ContactInput.builder().set(ContactField.FIRST_NAME, "Anne")
                .build(), "FR", null, NOW)).hasMessageContaining("e-mail, a mobile or an external reference");
    }
}
