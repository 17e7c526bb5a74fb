package io.portevoix.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateParser;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The e-mail layout starters a club manager picks when creating a template: complete, e-mail-safe
 * HTML documents (tables, inline styles, Outlook conditional comments) that render in every client,
 * stay readable and only use the merge tags the application fills in.
 */
class StarterTemplatesTests {

    private static final String STARTERS = "/templates/starters/";
    private static final String IMAGES = "/META-INF/resources/images/starters/";
    private static final String IMAGE_PREFIX = "%PUBLIC_URL%/images/starters/";

    private static final Set<String> MERGE_TAGS = Set.of("contact.firstName", "account.name", "account.address",
            "unsubscribeUrl", "preferencesUrl", "webVersionUrl", "contact.subscription.endDate");
    private static final String FIRST_NAME_TAG = "{{ contact.firstName | default: \"adhérent\" }}";
    private static final Set<String> LOGIC_TAGS = Set.of("if contact.status == \"CLIENT\"", "endif");
    private static final Pattern OUTPUT_TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern LOGIC_TAG = Pattern.compile("\\{%(.*?)%}", Pattern.DOTALL);

    private static final String MSO_CONTAINER_OPEN =
            "[if mso]><table role=\"presentation\" width=\"600\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td><![endif]";
    private static final String MSO_COLUMNS_OPEN =
            "[if mso]><table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td width=\"300\" valign=\"top\"><![endif]";
    private static final String MSO_NEXT_COLUMN = "[if mso]></td><td width=\"300\" valign=\"top\"><![endif]";
    private static final String MSO_CLOSE = "[if mso]></td></tr></table><![endif]";

    private static final Set<String> VAGUE_LINK_TEXTS = Set.of("cliquez ici", "cliquer ici", "ici", "en savoir plus",
            "savoir plus", "lire la suite", "la suite", "suite", "plus", "voir", "lien", "click here", "here", "more",
            "read more", "learn more");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "noscript", "form", "input", "button",
            "select", "textarea", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "link",
            "base", "video", "audio", "canvas", "font", "center");
    private static final Set<String> SAFE_FONTS = Set.of("arial", "helvetica", "sans-serif");

    private static final double WCAG_AA_NORMAL_TEXT = 4.5;
    private static final int MAX_STARTER_BYTES = 20 * 1024;
    private static final int MAX_IMAGE_BYTES = 40 * 1024;

    /** The starters, with the columns and buttons their layout promises. */
    enum Starter {
        SIMPLE_MESSAGE("simple-message", 0, 1, 0),
        TWO_COLUMNS("two-columns", 2, 0, 2),
        TWO_COLUMNS_IMAGE("two-columns-image", 2, 1, 1);

        final String file;
        final int columns;
        final int buttons;
        final int subheadings;

        Starter(String name, int columns, int buttons, int subheadings) {
            this.file = name + ".html";
            this.columns = columns;
            this.buttons = buttons;
            this.subheadings = subheadings;
        }

        byte[] bytes() {
            return resource(STARTERS + file);
        }

        String source() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Document document() {
            return Jsoup.parse(source());
        }

        @Override
        public String toString() {
            return file;
        }
    }

    // --- document ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void isAnHtml5DocumentInFrenchEncodedInUtf8WithAViewport(Starter starter) {
        Document document = starter.document();
        String source = starter.source();

        assertThat(source).startsWith("<!DOCTYPE html>");
        assertThat(document.childNode(0)).isInstanceOfSatisfying(DocumentType.class, doctype -> {
            assertThat(doctype.name()).isEqualTo("html");
            assertThat(doctype.publicId()).isEmpty();
            assertThat(doctype.systemId()).isEmpty();
        });
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("fr");
        Element charset = document.selectFirst("head > meta[charset]");
        assertThat(charset).as("<meta charset> in <head>").isNotNull();
        assertThat(charset.attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(source.indexOf("<meta charset")).as("charset declared within the first 1024 bytes").isBetween(0, 1024);
        assertThat(document.select("head > meta[name=viewport]")).singleElement()
                .satisfies(viewport -> assertThat(viewport.attr("content")).contains("width=device-width"));
        assertThat(document.select("meta[http-equiv]")).as("http-equiv metas (removed by the sanitiser)").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void titleIsTheAccountName(Starter starter) {
        Document document = starter.document();

        assertThat(document.select("head > title")).hasSize(1);
        assertThat(document.title()).isEqualTo("{{ account.name }}");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void staysUnder20Kilobytes(Starter starter) {
        assertThat(starter.bytes().length).isLessThan(MAX_STARTER_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void hasOneMainHeadingAndASubheadingPerTextBlock(Starter starter) {
        Document document = starter.document();

        assertThat(document.select("h1")).singleElement()
                .satisfies(h1 -> assertThat(h1.text()).isNotBlank());
        assertThat(document.select("h2")).hasSize(starter.subheadings)
                .allSatisfy(h2 -> assertThat(h2.text()).isNotBlank());
    }

    // --- layout --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void laysOutWithPresentationTablesWithoutCellSpacingOrBorders(Starter starter) {
        Document document = starter.document();

        assertThat(document.select("table")).isNotEmpty().allSatisfy(table -> {
            assertThat(table.attr("role")).as("role of %s", describe(table)).isEqualTo("presentation");
            assertThat(table.attr("cellpadding")).as("cellpadding of %s", describe(table)).isEqualTo("0");
            assertThat(table.attr("cellspacing")).as("cellspacing of %s", describe(table)).isEqualTo("0");
            assertThat(table.attr("border")).as("border of %s", describe(table)).isEqualTo("0");
        });
        for (String comment : conditionalComments(document)) {
            Matcher tables = Pattern.compile("<table\\b[^>]*>").matcher(comment);
            while (tables.find()) {
                assertThat(tables.group()).as("Outlook table in <!--%s-->", comment)
                        .contains("role=\"presentation\"", "cellpadding=\"0\"", "cellspacing=\"0\"", "border=\"0\"");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void centresAContainerOf600Pixels(Starter starter) {
        Element container = container(starter.document());
        Map<String, String> style = style(container);

        assertThat(style).containsEntry("width", "100%").containsEntry("max-width", "600px");
        assertThat(container.attr("align")).isEqualTo("center");
        assertThat(container.parent().attr("align")).as("alignment of the cell around the container").isEqualTo("center");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void wrapsTheContainerInAnOutlookConditionalTable(Starter starter) {
        Document document = starter.document();
        Element container = container(document);
        List<Comment> comments = comments(document);

        Comment open = comments.stream().filter(c -> c.getData().equals(MSO_CONTAINER_OPEN)).findFirst()
                .orElseThrow(() -> new AssertionError("no <!--" + MSO_CONTAINER_OPEN + "-->"));
        assertThat(nextElement(open)).as("element after the Outlook opening table").isSameAs(container);
        Node close = nextNonBlank(container);
        assertThat(close).as("node after the container").isInstanceOfSatisfying(Comment.class,
                comment -> assertThat(comment.getData()).isEqualTo(MSO_CLOSE));
        assertThat(comments).as("every comment is an Outlook conditional comment")
                .allSatisfy(comment -> assertThat(comment.getData()).startsWith("[if mso]>").endsWith("<![endif]"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void columnsAreInlineBlocksOf300PixelsThatStackOnNarrowScreensWithAnOutlookGhostTable(Starter starter) {
        Document document = starter.document();
        List<Element> columns = document.select("div").stream()
                .filter(div -> "inline-block".equals(style(div).get("display"))).toList();
        List<String> comments = conditionalComments(document);

        assertThat(columns).hasSize(starter.columns);
        assertThat(columns).allSatisfy(column -> assertThat(style(column))
                .containsEntry("width", "100%")
                .containsEntry("max-width", "300px")
                .containsEntry("vertical-align", "top"));
        if (starter.columns == 0) {
            assertThat(comments).doesNotContain(MSO_COLUMNS_OPEN, MSO_NEXT_COLUMN);
            return;
        }
        Element first = columns.get(0);
        Element second = columns.get(1);
        assertThat(first.parent()).as("both columns in one cell").isSameAs(second.parent());
        assertThat(style(first.parent())).as("cell of the columns (no gap between inline blocks)")
                .containsEntry("font-size", "0");
        assertThat(previousNonBlank(first)).isInstanceOfSatisfying(Comment.class,
                comment -> assertThat(comment.getData()).isEqualTo(MSO_COLUMNS_OPEN));
        assertThat(nextNonBlank(first)).isInstanceOfSatisfying(Comment.class,
                comment -> assertThat(comment.getData()).isEqualTo(MSO_NEXT_COLUMN));
        assertThat(nextElement(nextNonBlank(first))).isSameAs(second);
        assertThat(nextNonBlank(second)).isInstanceOfSatisfying(Comment.class,
                comment -> assertThat(comment.getData()).isEqualTo(MSO_CLOSE));
        assertThat(mediaRuleClasses(document)).as("a @media rule widens the stacked columns").contains("column");
        assertThat(columns).allSatisfy(column -> assertThat(column.classNames()).contains("column"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void buttonsAreBulletproofTableCellsWithABackgroundColour(Starter starter) {
        List<Element> buttons = starter.document().select("a").stream()
                .filter(link -> style(link).containsKey("padding")).toList();

        assertThat(buttons).hasSize(starter.buttons);
        assertThat(buttons).allSatisfy(button -> {
            Element cell = button.parent();
            assertThat(cell.tagName()).as("parent of the button %s", button.text()).isEqualTo("td");
            assertThat(cell.closest("table").attr("role")).isEqualTo("presentation");
            String bgcolor = cell.attr("bgcolor").toLowerCase(Locale.ROOT);
            assertThat(bgcolor).as("bgcolor of the button cell").matches("#[0-9a-f]{6}");
            assertThat(style(cell)).containsEntry("background-color", bgcolor).containsKey("mso-padding-alt");
            assertThat(style(button)).containsEntry("display", "inline-block").containsEntry("text-decoration", "none");
            assertThat(button.select("img")).as("images in a button").isEmpty();
            assertThat(button.text()).isNotBlank();
        });
    }

    // --- images --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void everyImageHasExplicitSizeAndAlt(Starter starter) {
        assertThat(starter.document().select("img")).isNotEmpty().allSatisfy(image -> {
            assertThat(image.attr("width")).as("width of %s", image.attr("src")).matches("[1-9][0-9]*");
            assertThat(image.attr("height")).as("height of %s", image.attr("src")).matches("[1-9][0-9]*");
            assertThat(image.hasAttr("alt")).as("alt of %s", image.attr("src")).isTrue();
            assertThat(image.attr("alt")).as("alt of %s", image.attr("src")).isNotBlank();
            assertThat(style(image)).as("style of %s", image.attr("src"))
                    .containsEntry("display", "block").containsEntry("border", "0");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void everyImageIsAStarterPngShippedWithTheApplicationAtItsDisplayedSize(Starter starter) {
        assertThat(starter.document().select("img")).isNotEmpty().allSatisfy(image -> {
            String src = image.attr("src");
            assertThat(src).startsWith(IMAGE_PREFIX);
            String name = src.substring(IMAGE_PREFIX.length());
            assertThat(name).matches("[a-z0-9-]+\\.png");
            byte[] png = resource(IMAGES + name);
            assertThat(png.length).as("size of %s", name).isLessThan(MAX_IMAGE_BYTES);
            int[] size = pngSize(png);
            assertThat(size[0]).as("width of %s", name).isEqualTo(Integer.parseInt(image.attr("width")));
            assertThat(size[1]).as("height of %s", name).isEqualTo(Integer.parseInt(image.attr("height")));
        });
    }

    // --- CSS -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void styleBlocksHoldOnlyMediaRules(Starter starter) {
        Document document = starter.document();

        assertThat(document.select("style")).isNotEmpty().allSatisfy(style -> {
            assertThat(style.parent().tagName()).isEqualTo("head");
            String css = withoutCssComments(style.data());
            List<String> rules = topLevelPreludes(css);
            assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).startsWith("@media"));
            assertThat(css).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("@font-face")
                    .doesNotContainIgnoringCase("url(");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void everyClassIsTargetedByAMediaRuleAndEveryMediaRuleTargetsAClassInUse(Starter starter) {
        Document document = starter.document();
        Set<String> used = new LinkedHashSet<>();
        document.getAllElements().forEach(element -> used.addAll(element.classNames()));
        Set<String> targeted = mediaRuleClasses(document);

        assertThat(targeted).as("classes targeted by @media rules").containsExactlyInAnyOrderElementsOf(used);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void isSelfContainedWithoutScriptsFormsFramesSvgDataUrlsOrOutsideHosts(Starter starter) {
        Document document = starter.document();
        String source = starter.source();

        assertThat(document.getAllElements()).allSatisfy(element -> {
            assertThat(FORBIDDEN_ELEMENTS).as("element").doesNotContain(element.tagName());
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).as("attribute of %s", describe(element)).doesNotStartWith("on");
                assertThat(attribute.getValue()).as("%s of %s", attribute.getKey(), describe(element))
                        .doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("javascript:");
            });
        });
        assertThat(source).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContainIgnoringCase("url(");
        assertThat(document.select("a")).allSatisfy(link -> assertThat(link.attr("href"))
                .as("href of %s", link.text()).matches("\\{\\{ [a-zA-Z]+Url }}|#"));
        assertThat(document.select("[src]")).allSatisfy(element -> assertThat(element.attr("src")).startsWith(IMAGE_PREFIX));
        assertThat(document.select("[background]")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void hasNoHiddenPreheaderBecauseTheApplicationInsertsIt(Starter starter) {
        Document document = starter.document();

        assertThat(document.getAllElements()).allSatisfy(element -> {
            Map<String, String> style = style(element);
            assertThat(style.get("display")).as("display of %s", describe(element)).isNotEqualTo("none");
            assertThat(style).as("style of %s", describe(element))
                    .doesNotContainKeys("mso-hide", "visibility", "opacity")
                    .doesNotContainEntry("max-height", "0").doesNotContainEntry("max-height", "0px");
        });
        assertThat(starter.source()).doesNotContainIgnoringCase("preheader");
    }

    // --- content -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void offersTheWebVersionAtTheTop(Starter starter) {
        Element first = starter.document().selectFirst("body a");

        assertThat(first.attr("href")).isEqualTo("{{ webVersionUrl }}");
        assertThat(first.text()).isEqualTo("Voir ce message dans votre navigateur");
        assertThat(px(resolve(first, "font-size"))).as("small print").isLessThanOrEqualTo(14);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void footerOffersUnsubscribeAndPreferencesUnderTheAccountNameAndAddress(Starter starter) {
        Document document = starter.document();
        List<Element> links = document.select("body a");

        Element unsubscribe = links.get(links.size() - 2);
        Element preferences = links.getLast();
        assertThat(unsubscribe.attr("href")).isEqualTo("{{ unsubscribeUrl }}");
        assertThat(unsubscribe.text()).isEqualTo("Se désinscrire");
        assertThat(preferences.attr("href")).isEqualTo("{{ preferencesUrl }}");
        assertThat(preferences.text()).isEqualTo("Gérer mes préférences");
        assertThat(document.select("a[href=\"{{ unsubscribeUrl }}\"], a[href=\"{{ preferencesUrl }}\"]")).hasSize(2);
        Element footer = unsubscribe.closest("td");
        assertThat(preferences.closest("td")).as("same footer cell").isSameAs(footer);
        assertThat(footer.text()).contains("{{ account.name }}", "{{ account.address }}");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void greetsTheMemberByFirstNameWithAFallback(Starter starter) {
        assertThat(starter.document().body().text()).contains("Bonjour " + FIRST_NAME_TAG + ",");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void mergeTagsAreOnlyTheFieldsTheApplicationFillsIn(Starter starter) {
        String source = starter.source();
        List<String> outputs = matches(OUTPUT_TAG, source);
        List<String> logic = matches(LOGIC_TAG, source);

        assertThat(outputs).isNotEmpty().allSatisfy(tag -> {
            String[] parts = tag.split("\\|", -1);
            assertThat(MERGE_TAGS).as("merge tag {{%s}}", tag).contains(parts[0].strip());
            if (parts.length > 1) {
                assertThat("{{" + tag + "}}").as("only the first name has a filter").isEqualTo(FIRST_NAME_TAG);
            }
            assertThat(tag).as("spacing of {{%s}}", tag).startsWith(" ").endsWith(" ").doesNotStartWith("  ");
        });
        assertThat(count(source, "{{")).as("unbalanced {{").isEqualTo(outputs.size());
        assertThat(count(source, "}}")).as("unbalanced }}").isEqualTo(outputs.size());
        assertThat(logic).allSatisfy(tag -> assertThat(LOGIC_TAGS).contains(tag.strip()));
        long ifs = logic.stream().filter(tag -> tag.strip().startsWith("if ")).count();
        assertThat(ifs).as("conditions").isLessThanOrEqualTo(1);
        assertThat(logic.stream().filter(tag -> tag.strip().equals("endif")).count()).isEqualTo(ifs);
        assertThat(count(source, "{%")).isEqualTo(logic.size());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void rendersWithLiquidForAClientAndForAProspectWithoutFirstName(Starter starter) {
        Map<String, Object> account = Map.of("name", "Vitalis Forme Lyon Part-Dieu",
                "address", "18 rue de la Villette, 69003 Lyon");
        Map<String, Object> urls = Map.of("unsubscribeUrl", "https://mail.example.org/u/abc",
                "preferencesUrl", "https://mail.example.org/p/abc", "webVersionUrl", "https://mail.example.org/w/abc");
        Map<String, Object> client = new LinkedHashMap<>(urls);
        client.put("account", account);
        client.put("contact", Map.of("firstName", "Camille", "status", "CLIENT",
                "subscription", Map.of("endDate", "31/08/2027")));
        Map<String, Object> prospect = new LinkedHashMap<>(urls);
        prospect.put("account", account);
        prospect.put("contact", Map.of("status", "PROSPECT"));

        String forClient = new TemplateParser.Builder().withStrictVariables(true).build()
                .parse(starter.source()).render(client);
        String forProspect = new TemplateParser.Builder().build().parse(starter.source()).render(prospect);

        for (String rendered : List.of(forClient, forProspect)) {
            assertThat(rendered).doesNotContain("{{", "}}", "{%", "%}").contains("Vitalis Forme Lyon Part-Dieu",
                    "18 rue de la Villette, 69003 Lyon");
            Document document = Jsoup.parse(rendered);
            assertThat(document.title()).isEqualTo("Vitalis Forme Lyon Part-Dieu");
            assertThat(document.select("a[href=\"https://mail.example.org/u/abc\"]")).hasSize(1);
            assertThat(document.select("a[href=\"https://mail.example.org/p/abc\"]")).hasSize(1);
            assertThat(document.select("a[href=\"https://mail.example.org/w/abc\"]")).hasSize(1);
        }
        assertThat(Jsoup.parse(forClient).body().text()).contains("Bonjour Camille,");
        assertThat(Jsoup.parse(forProspect).body().text()).contains("Bonjour adhérent,").doesNotContain("31/08/2027");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void everyLinkSaysWhereItGoes(Starter starter) {
        List<Element> links = starter.document().select("a");
        Set<String> texts = new LinkedHashSet<>();

        assertThat(links).isNotEmpty().allSatisfy(link -> {
            String text = normalise(link.text()).toLowerCase(Locale.ROOT);
            assertThat(text).as("text of the link to %s", link.attr("href")).isNotBlank();
            assertThat(VAGUE_LINK_TEXTS).as("link text").doesNotContain(text.replaceAll("[\\s.…>→»]+$", ""));
            assertThat(text).doesNotContain("cliquez ici", "cliquer ici", "click here", "en savoir plus");
            assertThat(texts.add(text)).as("link text used twice: %s", text).isTrue();
        });
    }

    // --- readability ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void textUsesAnInlineSafeFontStackAtReadableSizesOn16PixelBodyText(Starter starter) {
        Document document = starter.document();
        List<Element> texts = textElements(document);
        Element footer = document.selectFirst("a[href=\"{{ unsubscribeUrl }}\"]").closest("td");
        Element webVersion = document.selectFirst("a[href=\"{{ webVersionUrl }}\"]");

        assertThat(texts).hasSizeGreaterThan(5).allSatisfy(element -> {
            String family = resolve(element, "font-family");
            assertThat(family).as("font-family of %s", describe(element)).isNotNull();
            List<String> fonts = Arrays.stream(family.split(",")).map(f -> f.strip().replace("'", "").replace("\"", ""))
                    .map(f -> f.toLowerCase(Locale.ROOT)).toList();
            assertThat(SAFE_FONTS).as("font stack of %s", describe(element)).containsAll(fonts);
            assertThat(fonts.getLast()).isEqualTo("sans-serif");
            assertThat(px(resolve(element, "font-size"))).as("font-size of %s", describe(element))
                    .isGreaterThanOrEqualTo(13);
        });
        List<Element> bodyParagraphs = document.select("p").stream()
                .filter(p -> p.closest("td") != footer && p.closest("td") != webVersion.closest("td")).toList();
        assertThat(bodyParagraphs).isNotEmpty().allSatisfy(p -> assertThat(px(resolve(p, "font-size")))
                .as("font-size of %s", describe(p)).isEqualTo(16));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Starter.class)
    void textContrastsWithItsBackgroundAtWcagAa(Starter starter) {
        List<Element> texts = textElements(starter.document());
        List<String> failures = new ArrayList<>();

        for (Element element : texts) {
            if (element.tagName().equals("a") && !style(element).containsKey("color")) {
                failures.add(describe(element) + ": a link without its own colour (clients colour links blue)");
                continue;
            }
            String foreground = resolve(element, "color");
            String background = background(element);
            if (foreground == null || background == null) {
                failures.add(describe(element) + ": colour " + foreground + " on background " + background);
                continue;
            }
            double ratio = contrast(foreground, background);
            if (ratio < WCAG_AA_NORMAL_TEXT) {
                failures.add("%s: %s on %s is %.2f:1".formatted(describe(element), foreground, background, ratio));
            }
        }
        assertThat(texts).hasSizeGreaterThan(5);
        assertThat(failures).isEmpty();
    }

    @Test
    void contrastHelperFollowsWcagRelativeLuminance() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, offset(0.01));
        assertThat(contrast("#fff", "#ffffff")).isCloseTo(1.0, offset(0.001));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, offset(0.01));
        assertThat(contrast("#ffffff", "#1a56db")).isCloseTo(6.18, offset(0.01));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static byte[] resource(String path) {
        try (InputStream in = StarterTemplatesTests.class.getResourceAsStream(path)) {
            if (in == null) {
                return fail("no classpath resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] pngSize(byte[] png) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(png))) {
            byte[] signature = new byte[8];
            in.readFully(signature);
            assertThat(signature).as("PNG signature").containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            in.readInt();
            byte[] type = new byte[4];
            in.readFully(type);
            assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            return new int[] {in.readInt(), in.readInt()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single 600-pixel table that holds the e-mail. */
    private static Element container(Document document) {
        List<Element> containers = document.select("table[width=600]");
        assertThat(containers).as("tables width=\"600\"").hasSize(1);
        return containers.getFirst();
    }

    private static List<Comment> comments(Document document) {
        List<Comment> comments = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment comment) {
                comments.add(comment);
            }
        }, document);
        return comments;
    }

    private static List<String> conditionalComments(Document document) {
        return comments(document).stream().map(Comment::getData).filter(data -> data.startsWith("[if mso]")).toList();
    }

    private static Node nextNonBlank(Node node) {
        Node next = node.nextSibling();
        while (next instanceof TextNode text && text.isBlank()) {
            next = next.nextSibling();
        }
        return next;
    }

    private static Node previousNonBlank(Node node) {
        Node previous = node.previousSibling();
        while (previous instanceof TextNode text && text.isBlank()) {
            previous = previous.previousSibling();
        }
        return previous;
    }

    private static Element nextElement(Node node) {
        Node next = nextNonBlank(node);
        assertThat(next).isInstanceOf(Element.class);
        return (Element) next;
    }

    /** The declarations of an element's {@code style} attribute, names and values in lower case. */
    private static Map<String, String> style(Element element) {
        Map<String, String> declarations = new LinkedHashMap<>();
        for (String declaration : element.attr("style").split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                declarations.put(declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        return declarations;
    }

    /** An inherited property: from the element's own inline style or its nearest ancestor's. */
    private static @Nullable String resolve(Element element, String property) {
        for (Element current = element; current != null; current = current.parent()) {
            String value = style(current).get(property);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The nearest background colour painted behind an element: inline {@code background-color} or {@code bgcolor}. */
    private static @Nullable String background(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            Map<String, String> style = style(current);
            if (style.containsKey("background-color")) {
                return style.get("background-color");
            }
            if (style.containsKey("background")) {
                Matcher colour = Pattern.compile("#[0-9a-f]{3,6}\\b").matcher(style.get("background"));
                if (colour.find()) {
                    return colour.group();
                }
            }
            if (current.hasAttr("bgcolor")) {
                return current.attr("bgcolor").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Elements with text of their own (beyond spaces), in the body. */
    private static List<Element> textElements(Document document) {
        return document.body().getAllElements().stream()
                .filter(element -> !normalise(element.ownText()).isBlank()).toList();
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').strip();
    }

    private static int px(@Nullable String size) {
        assertThat(size).as("font size").isNotNull().matches("[0-9]+px");
        return Integer.parseInt(size.substring(0, size.length() - 2));
    }

    /** WCAG 2 contrast ratio between two {@code #rgb} or {@code #rrggbb} colours. */
    private static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    private static double luminance(String colour) {
        String hex = colour.strip().toLowerCase(Locale.ROOT);
        assertThat(hex).as("colour").matches("#([0-9a-f]{3}|[0-9a-f]{6})");
        if (hex.length() == 4) {
            hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3);
        }
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    private static String withoutCssComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    /** The preludes of the top-level CSS blocks ({@code @media …}, or a selector for a plain rule). */
    private static List<String> topLevelPreludes(String css) {
        return preludes(css, 0);
    }

    /** The preludes (selectors or at-rules) of the CSS blocks opened at {@code level}. */
    private static List<String> preludes(String css, int level) {
        List<String> preludes = new ArrayList<>();
        StringBuilder prelude = new StringBuilder();
        int depth = 0;
        for (char c : css.toCharArray()) {
            if (c == '{') {
                if (depth == level) {
                    preludes.add(prelude.toString().strip());
                }
                prelude.setLength(0);
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("unbalanced braces in the <style> block").isNotNegative();
                prelude.setLength(0);
            } else if (depth == level) {
                prelude.append(c);
            }
        }
        assertThat(depth).as("unclosed block in the <style> block").isZero();
        if (level == 0) {
            assertThat(prelude.toString()).as("CSS outside any block").isBlank();
        }
        return preludes;
    }

    /** The class names the selectors inside the {@code @media} blocks target. */
    private static Set<String> mediaRuleClasses(Document document) {
        Set<String> classes = new LinkedHashSet<>();
        for (Element style : document.select("style")) {
            for (String selector : preludes(withoutCssComments(style.data()), 1)) {
                Matcher matcher = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)").matcher(selector);
                while (matcher.find()) {
                    classes.add(matcher.group(1));
                }
            }
        }
        return classes;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String describe(Element element) {
        String text = normalise(element.ownText());
        return "<" + element.tagName() + ">" + (text.isEmpty() ? "" : " \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"");
    }
}
