package io.portevoix.audience.adapter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorReportTests {

    @Test
    void cellsThatLookLikeFormulasAreNeutralised() {
        assertThat(ImportContactsView.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(ImportContactsView.cell("+33612345678")).isEqualTo("\"'+33612345678\"");
        assertThat(ImportContactsView.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(ImportContactsView.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ImportContactsView.cell("Léa; \"la\" reine")).isEqualTo("\"Léa; \"\"la\"\" reine\"");
        assertThat(ImportContactsView.cell(null)).isEqualTo("\"\"");
    }
}
