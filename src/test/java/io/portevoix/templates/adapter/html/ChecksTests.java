package io.portevoix.templates.adapter.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.templates.CheckFinding;
import io.portevoix.templates.CheckRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChecksTests {

    private static final String PAGE =
            "<html lang=\"fr\"><body>%s<p><a href=\"{{ unsubscribeUrl }}\">Se désabonner</a></p></body></html>";
    private static final String LONG_TEXT = "<p>Le club organise sa journée portes ouvertes samedi prochain : initiations, "
            + "démonstrations et inscriptions pour la saison.</p>";

    private final JsoupHtmlDocuments documents = new JsoupHtmlDocuments();

    static List<String> corpus() {
        return Fixtures.names("checks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void findsExactlyWhatEachFixtureExpects(String name) {
        List<String> findings = documents.check(Fixtures.read("checks", name), true).stream()
                .map(finding -> (finding.rule() + " " + finding.selector()).strip())
                .toList();

        assertThat(findings).containsExactlyInAnyOrderElementsOf(Fixtures.sibling("checks", name, ".expected"));
    }

    @Test
    void theCorpusHasAtLeastTwelveEmailsOfWhichFourAreClean() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(corpus().stream().filter(name -> Fixtures.sibling("checks", name, ".expected").isEmpty()))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aMissingUnsubscribeLinkMattersOnlyForMarketingEmails() {
        String html = "<html lang=\"fr\"><body>" + LONG_TEXT + "</body></html>";

        assertThat(documents.check(html, true)).containsExactly(new CheckFinding(CheckRule.MISSING_UNSUBSCRIBE, "", ""));
        assertThat(documents.check(html, false)).isEmpty();
    }

    @Test
    void theUnsubscribeLinkMayBeWrittenWithoutSpaces() {
        String html = "<html lang=\"fr\"><body>" + LONG_TEXT + "<a href=\"{{unsubscribeUrl}}\">Désabonnement</a></body></html>";

        assertThat(documents.check(html, true)).isEmpty();
    }

    @Test
    void aFragmentLacksTheLangOfItsDocument() {
        assertThat(documents.check(LONG_TEXT, false)).containsExactly(new CheckFinding(CheckRule.MISSING_LANG, "", ""));
    }

    @Test
    void emailsOverGmailsLimitAreClipped() {
        String paragraph = "<p>Compte rendu détaillé de la saison, match par match, avec les résultats de chaque équipe.</p>\n";
        String large = PAGE.formatted(paragraph.repeat(1100));
        String small = PAGE.formatted(paragraph.repeat(100));
        int kilobytes = (large.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024;

        assertThat(documents.check(large, true))
                .containsExactly(new CheckFinding(CheckRule.CLIPPED_BY_GMAIL, "", kilobytes + " Ko"));
        assertThat(documents.check(small, true)).isEmpty();
    }

    @Test
    void lowContrastNamesBothColoursAndTheRatio() {
        assertThat(documents.check(PAGE.formatted(LONG_TEXT + "<p style=\"color:#999\">Mentions légales</p>"), true))
                .containsExactly(new CheckFinding(CheckRule.LOW_CONTRAST, "p:nth-child(2)", "#999999 sur #ffffff (2.8:1)"));
    }

    @Test
    void largeTextNeedsOnlyThreeToOne() {
        String grey = "color:#888888;";
        String html = PAGE.formatted(LONG_TEXT + "<h1 style=\"" + grey + "\">Titre</h1>"
                + "<p style=\"" + grey + "font-size:24px\">Grand</p>"
                + "<p style=\"" + grey + "font-size:14pt;font-weight:700\">Gras</p><p style=\"" + grey + "font-size:14pt\">Petit</p>"
                + "<p style=\"" + grey + "font-size:19px\"><b>Gras aussi</b></p>");

        assertThat(documents.check(html, true)).extracting(CheckFinding::selector).containsExactly("p:nth-child(5)");
    }

    @Test
    void backgroundsAreInheritedAndTransparentOnesLookFurtherUp() {
        String html = PAGE.formatted(LONG_TEXT + "<table bgcolor=\"#1b5e20\"><tr>"
                + "<td style=\"background-color:transparent;color:#ffffff\">"
                + "Blanc sur vert</td><td style=\"background:rgba(0,0,0,0);color:#ffffff\"><span>Toujours vert</span></td>"
                + "<td style=\"background:#ffffff url(fond.png) no-repeat;color:#ffffff\">Blanc sur blanc</td></tr></table>");

        assertThat(documents.check(html, true)).extracting(CheckFinding::selector)
                .containsExactly("table > tbody > tr > td:nth-child(3)");
    }

    @Test
    void aLinkWithoutItsOwnColourTakesTheBrowsersBlue() {
        String html = PAGE.formatted(LONG_TEXT + "<div style=\"background-color:#000080;color:#ffffff\">"
                + "Pied <a href=\"https://club.fr\">site</a>"
                + " <a href=\"https://club.fr/a\" style=\"color:inherit\">hérité</a></div>");

        assertThat(documents.check(html, true)).containsExactly(
                new CheckFinding(CheckRule.LOW_CONTRAST, "div > a:nth-child(1)", "#0000ee sur #000080 (1.7:1)"));
    }

    @Test
    void hiddenTextIsNotChecked() {
        assertThat(documents.check(PAGE.formatted("<div style=\"display:none;color:#ffffff\">Préheader</div>" + LONG_TEXT), true))
                .isEmpty();
    }

    @Test
    void decorativeImagesAndTrackingPixelsNeedNoAlt() {
        String html = PAGE.formatted(LONG_TEXT + "<img src=\"sep.png\" alt=\"\"><img src=\"o.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"p.gif\" style=\"width:1px;height:1px\"><img src=\"photo.jpg\">");

        assertThat(documents.check(html, true)).containsExactly(
                new CheckFinding(CheckRule.IMAGE_WITHOUT_ALT, "img:nth-child(5)", "photo.jpg"));
    }

    @Test
    void aLinkIsNamedByItsAriaLabelOrTheAltOfItsImage() {
        String html = PAGE.formatted(LONG_TEXT + "<p><a href=\"https://a\" aria-label=\"Le programme du stage\">ici</a> "
                + "<a href=\"https://b\"><img src=\"b.png\" alt=\"La boutique du club\"></a> <a href=\"https://c\">En savoir +</a> "
                + "<a href=\"https://d\">  En savoir plus… </a></p>");

        assertThat(documents.check(html, true)).containsExactly(
                new CheckFinding(CheckRule.VAGUE_LINK_TEXT, "p:nth-child(2) > a:nth-child(4)", "En savoir plus…"));
    }

    @Test
    void aSmallImageWithLittleTextIsNotImageOnly() {
        assertThat(documents.check(PAGE.formatted("<p>Bonne année !</p><img src=\"logo.png\" width=\"80\" alt=\"Logo\">"), true))
                .isEmpty();
        String wideImage = "<img src=\"carte.png\" style=\"width:100%\" alt=\"Carte de vœux\">";
        assertThat(documents.check(PAGE.formatted("<p>Bonne année !</p>" + wideImage), true))
                .extracting(CheckFinding::rule).containsExactly(CheckRule.IMAGE_ONLY);
    }
}
