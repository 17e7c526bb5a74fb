package io.portevoix.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SocialLinks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccountTests {

    @Test
    void aNewAccountSpeaksFrenchInParisWithFrenchPhoneNumbers() {
        Account account = Account.open("  Club de Nantes ", null, Instant.EPOCH);
        assertThat(account.settings().name()).isEqualTo("Club de Nantes");
        assertThat(account.settings().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(account.settings().locale()).isEqualTo(Locale.FRENCH);
        assertThat(account.settings().phoneRegion()).isEqualTo("FR");
    }

    @Test
    void settingsCannotBeInvalid() {
        assertThatThrownBy(() -> Account.Settings.defaults(" ")).hasMessageContaining("name");
        assertThatThrownBy(() -> settings(Locale.GERMAN, "FR", "")).hasMessageContaining("French and English");
        assertThatThrownBy(() -> settings(Locale.FRENCH, "France", "")).hasMessageContaining("two-letter");
        assertThatThrownBy(() -> settings(Locale.FRENCH, "FR", "club@")).hasMessageContaining("club@");
        assertThatThrownBy(() -> Account.Settings.zone("Mars/Olympus")).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> new SocialLinks("javascript:alert(1)", "", "", "", "", ""))
                .hasMessageContaining("https://");
    }

    @Test
    void changingSettingsKeepsIdentityAndMovesTheUpdateTime() {
        Account account = Account.open("Club", null, Instant.EPOCH);
        Instant later = Instant.EPOCH.plusSeconds(60);
        account.changeSettings(settings(Locale.ENGLISH, "be", "hello@club.example"), later);
        assertThat(account.settings().phoneRegion()).isEqualTo("BE");
        assertThat(account.updatedAt()).isEqualTo(later);
        assertThat(account.createdAt()).isEqualTo(Instant.EPOCH);
    }

    private static Account.Settings settings(Locale locale, String region, String sender) {
        return new Account.Settings("Club", "", PostalAddress.EMPTY, ZoneId.of("Europe/Paris"), locale, region, "",
                sender, SocialLinks.NONE);
    }
}
