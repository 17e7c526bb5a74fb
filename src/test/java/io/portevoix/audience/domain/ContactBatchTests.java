package io.portevoix.audience.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactBatchTests {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static ContactInput line(String email, String firstName, Boolean marketing) {
        ContactInput.Builder input = ContactInput.builder().set(ContactField.EMAIL, email);
        if (firstName != null) {
            input.set(ContactField.FIRST_NAME, firstName);
        }
        if (marketing != null) {
            input.set(ContactField.CONSENTS, Map.of(Channel.EMAIL, Map.of(BroadcastType.MARKETING, marketing)));
        }
        return input.build();
    }

    @Test
    void aRepeatedKeyAppliesToTheStateItsEarlierLineLeftAndIsWrittenOnce() {
        ContactBatch batch = new ContactBatch();
        ContactChanges.Result created = ContactChanges.apply(null, line("a@club.fr", "Anne", true), "FR", null, NOW);
        batch.add("a@club.fr", created, true);
        ContactDetails current = batch.current("a@club.fr");
        batch.add("a@club.fr", ContactChanges.apply(current, line("A@club.fr", null, false), "FR", null, NOW), false);

        assertThat(batch.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.isNew()).as("still a creation").isTrue();
            assertThat(entry.contact().id()).isEqualTo(created.contact().id());
            assertThat(entry.contact().firstName()).isEqualTo("Anne");
            assertThat(entry.contact().email()).isEqualTo("A@club.fr");
            assertThat(entry.consentChanges()).extracting(ContactChanges.ConsentToggle::granted).containsExactly(true, false);
        });
        assertThat(batch.toWrite()).hasSize(1);
        assertThatThrownBy(() -> batch.add("a@club.fr", created, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredContactThatALineDoesNotChangeIsNotWrittenAgain() {
        ContactDetails stored = ContactChanges.apply(null, line("b@club.fr", "Bruno", true), "FR", null, NOW).contact();
        ContactBatch batch = new ContactBatch();
        ContactChanges.Result same = ContactChanges.apply(stored, line("b@club.fr", "Bruno", true), "FR", null,
                NOW.plusSeconds(60));
        batch.add("b@club.fr", same, false);

        assertThat(same.changed()).isFalse();
        assertThat(same.consentChanges()).isEmpty();
        assertThat(batch.entries()).hasSize(1);
        assertThat(batch.toWrite()).as("only its membership of the import is recorded").isEmpty();

        batch.add("b@club.fr", ContactChanges.apply(batch.current("b@club.fr"), line("b@club.fr", "Bruno-Marie", null),
                "FR", null, NOW.plusSeconds(61)), false);
        assertThat(batch.toWrite()).singleElement().satisfies(entry -> assertThat(entry.isNew()).isFalse());
    }
}
