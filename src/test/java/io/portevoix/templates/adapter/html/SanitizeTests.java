package io.portevoix.templates.adapter.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.templates.RemovalKind;
import io.portevoix.templates.SanitizedHtml;
import io.portevoix.templates.SanitizedHtml.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liqp.TemplateParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SanitizeTests {

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "param", "form", "input", "button", "select", "textarea", "option", "svg", "math",
            "base", "link", "template", "noembed", "noframes");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "background", "action", "formaction",
            "xlink:href", "poster", "srcset");
    private static final Pattern CONDITIONAL = Pattern.compile("\\[if [^\\]]+\\]>(.*)<!\\[endif\\]\\s*", Pattern.DOTALL);

    private final JsoupHtmlDocuments documents = new JsoupHtmlDocuments();

    static List<String> hostileCorpus() {
        return Fixtures.names("sanitizer");
    }

    static Stream<String> everyFixture() {
        return Stream.concat(Fixtures.names("sanitizer").stream().map(name -> "sanitizer/" + name),
                Fixtures.names("checks").stream().map(name -> "checks/" + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileCorpus")
    void neutralisesTheHostileCorpusAndReportsWhatItRemoved(String name) {
        SanitizedHtml sanitized = documents.sanitize(Fixtures.read("sanitizer", name));

        assertNeutralised(sanitized.html());
        assertThat(sanitized.removals()).extracting(removal -> removal.kind() + " " + removal.detail()).doesNotHaveDuplicates();
        assertThat(sanitized.removals().stream().map(Removal::kind).distinct().map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(Fixtures.sibling("sanitizer", name, ".kinds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixture")
    void sanitisingSanitisedHtmlChangesNothingAndReportsNothing(String path) {
        String[] folderAndName = path.split("/");
        String once = documents.sanitize(Fixtures.read(folderAndName[0], folderAndName[1])).html();

        SanitizedHtml twice = documents.sanitize(once);

        assertThat(twice.html()).isEqualTo(once);
        assertThat(twice.removals()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanEmails")
    void keepsRealisticEmailsWhole(String name) {
        String html = Fixtures.read("checks", name);

        SanitizedHtml sanitized = documents.sanitize(html);

        assertThat(sanitized.removals()).isEmpty();
        Document before = Jsoup.parse(html);
        Document after = Jsoup.parse(sanitized.html());
        assertThat(after.select("*").size()).isEqualTo(before.select("*").size());
        assertThat(after.select("[style]").eachAttr("style")).isEqualTo(before.select("[style]").eachAttr("style"));
        assertThat(after.select("style")).extracting(Element::data)
                .containsExactlyElementsOf(before.select("style").stream().map(Element::data).toList());
        assertThat(after.text()).isEqualTo(before.text());
    }

    static List<String> cleanEmails() {
        return Fixtures.names("checks").stream().filter(name -> name.startsWith("clean-")).toList();
    }

    @Test
    void removesEventHandlersAndReportsThem() {
        SanitizedHtml sanitized = documents.sanitize("<p>Photo</p><img src=x onerror=alert(1) alt=\"\"><img src=y onerror=alert(2)>");

        assertThat(sanitized.html()).contains("<img src=\"x\" alt=\"\"><img src=\"y\">").doesNotContain("onerror");
        assertThat(sanitized.removals()).containsExactly(new Removal(RemovalKind.EVENT_HANDLER, "img onerror", 2));
    }

    @Test
    void removesScriptsWithTheirContent() {
        SanitizedHtml sanitized = documents.sanitize("<p>Avant</p><script>alert('x')</script><p>Après</p>");

        assertThat(Jsoup.parse(sanitized.html()).body().html()).isEqualTo("<p>Avant</p>\n<p>Après</p>");
        assertThat(sanitized.removals()).containsExactly(new Removal(RemovalKind.SCRIPT, "script", 1));
    }

    @Test
    void removesScriptUrlsHoweverTheyAreWritten() {
        SanitizedHtml sanitized = documents.sanitize("<a href=\"jav&#x09;ascript:alert(1)\">a</a>"
                + "<a href=\" JaVaScRiPt:alert(1)\">b</a><a href=\"java&#x0A;script&colon;alert(1)\">c</a>"
                + "<a href=\"vbscript:msgbox(1)\">d</a>");

        assertThat(Jsoup.parse(sanitized.html()).select("a[href]")).isEmpty();
        assertThat(sanitized.removals()).containsExactly(
                new Removal(RemovalKind.SCRIPT_URL, "a href=javascript:…", 3),
                new Removal(RemovalKind.SCRIPT_URL, "a href=vbscript:…", 1));
    }

    @Test
    void removesDataUrls() {
        SanitizedHtml sanitized = documents.sanitize("<img src=\"data:image/png;base64,AAAA\" alt=\"Logo\">");

        assertThat(sanitized.html()).contains("<img alt=\"Logo\">");
        assertThat(sanitized.removals()).containsExactly(new Removal(RemovalKind.DATA_URL, "img src=data:…", 1));
    }

    @Test
    void keepsWebMailPhoneCidRelativeAndMergeTagUrls() {
        String body = "<a href=\"https://club.fr/a?b=c&amp;d=e\">1</a><a href=\"http://club.fr\">2</a>"
                + "<a href=\"mailto:bureau@club.fr\">3</a><a href=\"tel:+33100000000\">4</a><a href=\"/agenda\">5</a>"
                + "<a href=\"#haut\">6</a><img src=\"cid:logo\" alt=\"7\"><a href=\"{{ unsubscribeUrl }}\">8</a>"
                + "<a href=\"{{ siteUrl }}/agenda\">9</a>";

        SanitizedHtml sanitized = documents.sanitize(body);

        assertThat(sanitized.removals()).isEmpty();
        assertThat(Jsoup.parse(sanitized.html()).body().html()).isEqualTo(body);
    }

    @Test
    void aMergeTagCannotSmuggleAScriptUrl() {
        SanitizedHtml sanitized = documents.sanitize("<a href=\"{{ nothing }}javascript:alert(1)\">1</a>"
                + "<a href='{{ \"javascript:alert(1)\" }}'>2</a><a href='{{ \"java\" | append: \"script:alert(1)\" }}'>3</a>");

        assertThat(Jsoup.parse(sanitized.html()).select("a[href]")).isEmpty();
        assertThat(sanitized.removals()).containsExactly(new Removal(RemovalKind.SCRIPT_URL, "a href=javascript:…", 3));
    }

    @Test
    void dropsOffendingCssDeclarationsAndKeepsTheRest() {
        SanitizedHtml sanitized = documents.sanitize("<div style=\"color:#333333; width: e\\xpression(alert(1)); "
                + "background:url(https://club.fr/fond.png) #ffffff\">Texte</div>"
                + "<p style=\"-moz-binding:url(x.xml#x)\">Binding</p>");

        Document output = Jsoup.parse(sanitized.html());
        assertThat(output.select("div").attr("style")).isEqualTo("color:#333333; background:url(https://club.fr/fond.png) #ffffff");
        assertThat(output.select("p").hasAttr("style")).isFalse();
        assertThat(sanitized.removals()).containsExactly(
                new Removal(RemovalKind.CSS_EXPRESSION, "div style=expression()", 1),
                new Removal(RemovalKind.CSS_EXPRESSION, "p style=-moz-binding", 1));
    }

    @Test
    void dropsOffendingRulesOfStyleBlocksAndKeepsMediaQueries() {
        String css = "@import url(x.css); body{margin:0} .x{width:expression(alert(1));color:red}"
                + " @media (max-width:600px){.col{width:100% !important} .y{background:url(javascript:alert(1))}}";

        SanitizedHtml sanitized = documents.sanitize("<html><head><style>" + css + "</style></head><body></body></html>");

        assertThat(Jsoup.parse(sanitized.html()).select("style").first().data())
                .isEqualTo(" body{margin:0} .x{color:red} @media (max-width:600px){.col{width:100% !important} .y{}}");
        assertThat(sanitized.removals()).extracting(Removal::detail)
                .containsExactly("style @import", "style expression()", "style url(javascript:…)");
    }

    @Test
    void keepsOutlookConditionalCommentsAndGhostTables() {
        String html = Fixtures.read("checks", "clean-outlook-conditional-comments.html");

        String sanitized = documents.sanitize(html).html();

        assertThat(sanitized)
                .contains("<!--[if mso]>\n<noscript><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96"
                        + "</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript>\n<![endif]-->")
                .contains("<!--[if mso | IE]><table align=\"center\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\" "
                        + "role=\"presentation\" style=\"width:600px;\" width=\"600\"><tr><td style=\"line-height:0px;"
                        + "font-size:0px;mso-line-height-rule:exactly;\"><![endif]-->")
                .contains("<!--[if mso | IE]></td></tr></table><![endif]-->")
                .contains("<v:roundrect xmlns:v=\"urn:schemas-microsoft-com:vml\"")
                .contains("<!--[if !mso]><!-->")
                .contains("<!--<![endif]-->");
    }

    @Test
    void sanitisesTheContentOfConditionalComments() {
        SanitizedHtml sanitized = documents.sanitize("<p>x</p><!--[if mso]><table onclick=\"alert(1)\"><tr>"
                + "<td background=\"javascript:alert(2)\"><script>alert(3)</script><![endif]-->");

        assertThat(sanitized.html()).contains("<!--[if mso]><table><tr><td><![endif]-->");
        assertThat(sanitized.removals()).containsExactly(
                new Removal(RemovalKind.EVENT_HANDLER, "table onclick", 1),
                new Removal(RemovalKind.SCRIPT_URL, "td background=javascript:…", 1),
                new Removal(RemovalKind.SCRIPT, "script", 1));
    }

    @Test
    void aConditionalCommentCannotBeClosedFromInside() {
        SanitizedHtml sanitized = documents.sanitize("<p>début</p><!--[if mso]><p title=\"--&gt;&lt;img src=x "
                + "onerror=alert(1)&gt;\">x</p><![endif]--><p>fin</p>");

        Document output = Jsoup.parse(sanitized.html());
        assertThat(output.select("img")).isEmpty();
        assertThat(output.select("p")).extracting(Element::text).containsExactly("début", "fin");
        assertThat(output.body().childNodes()).hasSize(3).element(1).isInstanceOf(Comment.class);
    }

    @Test
    void dropsOrdinaryCommentsWithoutReportingThem() {
        SanitizedHtml sanitized = documents.sanitize("<p>a</p><!-- note de l'agence : <script>x</script> --><p>b</p>");

        assertThat(sanitized.html()).doesNotContain("<!--");
        assertThat(sanitized.removals()).isEmpty();
    }

    @Test
    void unwrapsUnknownElementsKeepingTheirText() {
        SanitizedHtml sanitized = documents.sanitize("<p><custom-tag onclick=\"x()\">Hello</custom-tag> <o:p>world</o:p></p>");

        assertThat(Jsoup.parse(sanitized.html()).body().html()).isEqualTo("<p>Hello world</p>");
        assertThat(sanitized.removals()).containsExactly(
                new Removal(RemovalKind.OTHER_ELEMENT, "custom-tag", 1), new Removal(RemovalKind.OTHER_ELEMENT, "o:p", 1));
    }

    @Test
    void keepsTheTextOfAFormButNotItsControls() {
        SanitizedHtml sanitized = documents.sanitize("<form action=\"https://x\"><p>Votre avis</p><input name=a>"
                + "<button>Envoyer</button></form>");

        assertThat(Jsoup.parse(sanitized.html()).body().html()).isEqualTo("<p>Votre avis</p>");
        assertThat(sanitized.removals()).extracting(Removal::kind).containsOnly(RemovalKind.FORM);
    }

    @Test
    void keepsCharsetAndViewportMetaButNotRefreshOrBase() {
        SanitizedHtml sanitized = documents.sanitize("<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><meta http-equiv=\"refresh\" content=\"0;url=https://x\">"
                + "<base href=\"https://x/\"><link rel=\"stylesheet\" href=\"https://x/y.css\"></head><body></body></html>");

        assertThat(Jsoup.parse(sanitized.html()).head().html())
                .isEqualTo("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">");
        assertThat(sanitized.removals()).extracting(Removal::detail).containsExactly("meta http-equiv=refresh", "base", "link");
    }

    @Test
    void keepsMergeTagsInTextAndAttributes() {
        String body = "<p>Bonjour {{ contact.firstName | default: \"adhérent\" }},</p>"
                + "{% if contact.status == \"CLIENT\" %}<p>Merci de votre fidélité</p>{% endif %}"
                + "<a href=\"{{ unsubscribeUrl }}\">Se désabonner</a><a href=\"{{unsubscribeUrl}}\">x</a>";

        SanitizedHtml sanitized = documents.sanitize(body);

        assertThat(sanitized.html()).contains(body);
        assertThat(sanitized.removals()).isEmpty();
    }

    @Test
    void liquidStillParsesAfterTheHtmlRoundTrip() {
        String template = "<p title=\"{{ contact.firstName | default: &quot;l'adhérent&quot; }}\">{% if contact.age > 17 %}Majeur"
                + "{% endif %}{% if contact.age < 18 %}Mineur{% endif %}</p>"
                + "<a href='{{ contact.site | default: \"https://club.fr\" }}'>{{ contact.firstName | default: \"ami\" }}</a>";

        String sanitized = documents.sanitize(template).html();

        assertThat(sanitized).doesNotContain("&quot;").doesNotContain("&gt;");
        String rendered = new TemplateParser.Builder().build().parse(sanitized)
                .render(Map.of("contact", Map.of("age", 20)));
        Document output = Jsoup.parse(rendered);
        assertThat(output.select("p").attr("title")).isEqualTo("l’adhérent");
        assertThat(output.select("p").text()).isEqualTo("Majeur");
        assertThat(output.select("a").attr("href")).isEqualTo("https://club.fr");
        assertThat(output.select("a").text()).isEqualTo("ami");
    }

    @Test
    void keepsAMergeTagWholeWhenAnUnwrappedElementSplitsIt() {
        SanitizedHtml sanitized = documents.sanitize("<p>{% if contact.age > <custom>17</custom> %}Majeur{% endif %}</p>");

        assertThat(sanitized.html()).contains("<p>{% if contact.age > 17 %}Majeur{% endif %}</p>");
        assertThat(documents.sanitize(sanitized.html()).html()).isEqualTo(sanitized.html());
    }

    @Test
    void escapedMarkupInsideAMergeTagStaysEscaped() {
        SanitizedHtml sanitized = documents.sanitize("<p>{{ &lt;img src=x onerror=alert(1)&gt; }}</p>");

        assertThat(Jsoup.parse(sanitized.html()).select("img")).isEmpty();
    }

    @Test
    void keepsNonAsciiCharactersAsTheyAre() {
        String sanitized = documents.sanitize("<p>Été&nbsp;: l’équipe &amp; «&nbsp;le bureau&nbsp;» &eacute;lu</p>").html();

        assertThat(sanitized).contains("<p>Été&nbsp;: l’équipe &amp; «&nbsp;le bureau&nbsp;» élu</p>");
    }

    @Test
    void writesAWholeDocument() {
        assertThat(documents.sanitize("<p>Bonjour</p>").html()).isEqualTo("<html><head></head><body><p>Bonjour</p></body></html>");
    }

    /** Checks the re-parsed output, and the content of its conditional comments as Outlook would read it. */
    private static void assertNeutralised(String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        Document document = Jsoup.parse(html);
        List<Element> elements = new ArrayList<>(document.getAllElements());
        document.nodeStream().filter(Comment.class::isInstance).map(node -> ((Comment) node).getData()).forEach(data -> {
            Matcher conditional = CONDITIONAL.matcher(data);
            if (conditional.matches()) {
                assertThat(conditional.group(1).toLowerCase(Locale.ROOT)).doesNotContain("<script");
                elements.addAll(Jsoup.parseBodyFragment(conditional.group(1)).getAllElements());
            }
        });
        for (Element element : elements) {
            assertThat(element.normalName()).isNotIn(FORBIDDEN_ELEMENTS);
            if (element.normalName().equals("meta")) {
                assertThat(element.attr("http-equiv").toLowerCase(Locale.ROOT)).isIn("", "content-type", "x-ua-compatible");
            }
            if (element.normalName().equals("style")) {
                assertHarmlessCss(element.data());
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().replaceAll("[\\s\\x00-\\x1F]", "").toLowerCase(Locale.ROOT);
                assertThat(key).as(element.outerHtml()).doesNotStartWith("on");
                assertThat(value).as(element.outerHtml()).doesNotContain("javascript:").doesNotContain("vbscript:");
                if (URL_ATTRIBUTES.contains(key)) {
                    assertThat(value).as(element.outerHtml()).doesNotStartWith("data:");
                }
                if (key.equals("style")) {
                    assertHarmlessCss(attribute.getValue());
                }
            }
        }
    }

    private static void assertHarmlessCss(String css) {
        String normal = css.replaceAll("(?s)/\\*.*?\\*/", "").replace("\\", "").replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        assertThat(normal).doesNotContain("expression(", "behavior:", "-moz-binding", "@import", "javascript:",
                "vbscript:", "url(data:", "url('data:", "url(\"data:");
    }
}
