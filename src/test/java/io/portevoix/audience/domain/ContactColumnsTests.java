package io.portevoix.audience.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactColumnsTests {

    @Test
    void cellsAFormulaWouldRunGetAnApostrophe() {
        assertThat(ContactColumns.neutralised("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(ContactColumns.neutralised("+33612345678")).isEqualTo("'+33612345678");
        assertThat(ContactColumns.neutralised("-2+3")).isEqualTo("'-2+3");
        assertThat(ContactColumns.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ContactColumns.neutralised("\tcmd")).isEqualTo("'\tcmd");
        assertThat(ContactColumns.neutralised("Léa = reine")).isEqualTo("Léa = reine");
        assertThat(ContactColumns.neutralised(null)).isEmpty();
    }

    @Test
    void unknownColumnsAreRefusedByName() {
        assertThatThrownBy(() -> ContactColumns.checked(java.util.List.of("email", "motDePasse")))
                .hasMessageContaining("motDePasse");
        assertThat(ContactColumns.checked(java.util.List.of("attributes.taille", "consent.SMS.MARKETING"))).hasSize(2);
    }
}
