package io.portevoix.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.SenderIdStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SenderIdTests {

    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"VITALIS", "Vitalis", "abc", "CLUB2025", "A1234567890", "69Lyon"})
    void aSenderIdOfThreeToElevenAsciiLettersAndDigitsWithALetterIsAccepted(String value) {
        assertThat(SenderId.requireValidValue(value)).isEqualTo(value);
    }

    @Test
    void surroundingSpacesAreDropped() {
        assertThat(SenderId.requireValidValue("  VITALIS ")).isEqualTo("VITALIS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "", "   ", "VITALISFORME"})
    void aSenderIdHasThreeToElevenCharacters(String value) {
        assertThatThrownBy(() -> SenderId.requireValidValue(value)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("value").hasMessageContaining("3 to 11 characters");
    }

    @Test
    void aMissingSenderIdIsRefused() {
        assertThatThrownBy(() -> SenderId.requireValidValue(null)).isInstanceOf(InvalidInputException.class);
    }

    /** GSM alphanumeric originators carry ASCII letters and digits only: operators drop accents, spaces and punctuation. */
    @ParameterizedTest
    @ValueSource(strings = {"CLUB-LYON", "ÉLAN", "CLUB LYON", "CLUB_LYON", "VITALIS!", "Ζευς"})
    void aSenderIdHasUnaccentedLettersAndDigitsOnly(String value) {
        assertThatThrownBy(() -> SenderId.requireValidValue(value)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("letters (A to Z) and digits only");
    }

    @Test
    void anAllDigitSenderIdWouldPassForAPhoneNumberAndIsRefused() {
        assertThatThrownBy(() -> SenderId.requireValidValue("12345")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one letter");
    }

    @Test
    void theErrorNamesTheValueField() {
        assertThatThrownBy(() -> SenderId.requireValidValue("AB")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("value"));
    }

    @Test
    void aRequestRecordsItsFeeAndWaitsForADecision() {
        SenderId senderId = SenderId.request(ACCOUNT, "VITALIS", 4900, "admin@club.test", NOW);
        assertThat(senderId.status()).isEqualTo(SenderIdStatus.REQUESTED);
        assertThat(senderId.feeCents()).isEqualTo(4900);
        assertThat(senderId.decidedBy()).isNull();
    }

    @Test
    void aRequestIsDecidedOnceWithItsComment() {
        SenderId senderId = SenderId.request(ACCOUNT, "VITALIS", 4900, "admin@club.test", NOW);
        senderId.approve("ops@porte-voix.io", "  marque déposée ", NOW.plusSeconds(60));
        assertThat(senderId.status()).isEqualTo(SenderIdStatus.APPROVED);
        assertThat(senderId.decidedBy()).isEqualTo("ops@porte-voix.io");
        assertThat(senderId.decidedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(senderId.decisionComment()).isEqualTo("marque déposée");
        assertThatThrownBy(() -> senderId.refuse("ops@porte-voix.io", "", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> senderId.approve("ops@porte-voix.io", "", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusedOrWithdrawnSenderIdCannotBeWithdrawnOrDecided() {
        SenderId refused = SenderId.request(ACCOUNT, "VITALIS", 4900, "a", NOW);
        refused.refuse("ops", "nom d’une autre marque", NOW);
        assertThatThrownBy(refused::withdraw).isInstanceOf(IllegalStateException.class);

        SenderId withdrawn = SenderId.request(ACCOUNT, "VITALIS", 4900, "a", NOW);
        withdrawn.withdraw();
        assertThat(withdrawn.status()).isEqualTo(SenderIdStatus.WITHDRAWN);
        assertThatThrownBy(() -> withdrawn.approve("ops", "", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anApprovedSenderIdCanBeWithdrawn() {
        SenderId senderId = SenderId.request(ACCOUNT, "VITALIS", 0, "a", NOW);
        senderId.approve("ops", "", NOW);
        senderId.withdraw();
        assertThat(senderId.status()).isEqualTo(SenderIdStatus.WITHDRAWN);
    }
}
