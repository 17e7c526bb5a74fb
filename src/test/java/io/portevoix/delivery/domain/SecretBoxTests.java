package io.portevoix.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTests {

    private final SecretBox box = new SecretBox("a-test-secret-of-at-least-32-characters!");

    @Test
    void opensWhatItSealedAndHidesIt() {
        String sealed = box.seal("smtp-password", "s3cr3t é");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(box.open("smtp-password", sealed)).isEqualTo("s3cr3t é");
        assertThat(box.seal("smtp-password", "s3cr3t é")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void refusesAnotherSecretAnotherPurposeOrAnAlteredValue() {
        String sealed = box.seal("dkim-key", "private");
        assertThatThrownBy(() -> new SecretBox("another-secret-of-at-least-32-characters").open("dkim-key", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another PORTEVOIX_SECRET");
        assertThatThrownBy(() -> box.open("smtp-password", sealed)).isInstanceOf(IllegalStateException.class);
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open("dkim-key", new String(chars))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("dkim-key", "plain")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsALongEnoughSecret() {
        assertThatThrownBy(() -> new SecretBox("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 characters");
    }
}
