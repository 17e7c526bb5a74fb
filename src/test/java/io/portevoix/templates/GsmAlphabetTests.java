package io.portevoix.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GsmAlphabetTests {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅå" + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" + " !\"#¤%&'()*+,-./" + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO" + "PQRSTUVWXYZÄÖÑÜ§" + "¿abcdefghijklmno" + "pqrstuvwxyzäöñüà";

    @Test
    void basicCharactersAreTheirGsmCodesSkippingTheEscape() {
        assertThat(GsmAlphabet.encode("@£\nΔ_ΞÆÉ !Aa¿à")).containsExactly(
                0x00, 0x01, 0x0A, 0x10, 0x11, 0x1A, 0x1C, 0x1F, 0x20, 0x21, 0x41, 0x61, 0x60, 0x7F);
    }

    @Test
    void extensionCharactersAreTheEscapeFollowedByTheirCode() {
        assertThat(GsmAlphabet.encode("€^{}\\[~]|\f")).containsExactly(
                0x1B, 0x65, 0x1B, 0x14, 0x1B, 0x28, 0x1B, 0x29, 0x1B, 0x2F, 0x1B, 0x3C, 0x1B, 0x3D, 0x1B, 0x3E,
                0x1B, 0x40, 0x1B, 0x0A);
    }

    @Test
    void aCharacterOutsideTheAlphabetCannotBeEncoded() {
        assertThatThrownBy(() -> GsmAlphabet.encode("Crêpe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingGivesBackEveryEncodedText() {
        String text = BASIC + "^{}\\[~]|€\f";

        byte[] septets = GsmAlphabet.encode(text);

        assertThat(septets).hasSize(SmsLength.of(text).units());
        assertThat(GsmAlphabet.decode(septets, 0, septets.length)).isEqualTo(text);
    }

    @Test
    void decodingReadsFromTheOffset() {
        byte[] septets = {0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x4F, 0x4B, 0x1B, 0x65};

        assertThat(GsmAlphabet.decode(septets, 6, 4)).isEqualTo("OK€");
    }
}
