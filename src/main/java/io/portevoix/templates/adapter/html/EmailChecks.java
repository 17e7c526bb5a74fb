package io.portevoix.templates.adapter.html;

import io.portevoix.templates.CheckFinding;
import io.portevoix.templates.CheckRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The check panel's rules on the parsed e-mail. Colours and font sizes are read from inline styles
 * and presentational attributes only (e-mails are inlined; {@code <style>} rules are not applied),
 * inherited as browsers do, a link without a colour of its own taking the browsers' link blue.
 */
final class EmailChecks {

    /** Gmail clips messages over about 102 KB. */
    private static final int GMAIL_CLIP_BYTES = 102 * 1024;
    private static final int IMAGE_ONLY_TEXT = 80;
    private static final int MAX_FINDINGS_PER_RULE = 100;
    private static final int WIDE_IMAGE = 100;
    private static final Set<String> VAGUE_LINK_TEXTS = Set.of("cliquez ici", "cliquer ici", "ici", "clic ici",
            "click here", "here", "lien", "link", "en savoir plus", "lire la suite", "plus", "more", "read more",
            "learn more", "voir", "suite", "cette page", "this page");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("\\{\\{\\s*unsubscribeUrl\\s*}}");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\u00A0\\u200B-\\u200D\\u2060\\uFEFF\\u034F\\u00AD]");
    private static final Pattern LENGTH = Pattern.compile("(\\d*\\.?\\d+)\\s*(px|pt|em|rem|%)?");
    private static final Pattern WEIGHT = Pattern.compile("bold|bolder|[1-9]00");
    private static final Map<String, Double> FONT_SIZE_KEYWORDS = Map.of("xx-small", 9.0, "x-small", 10.0,
            "small", 13.0, "medium", 16.0, "large", 18.0, "x-large", 24.0, "xx-large", 32.0);
    private static final double[] FONT_SIZE_ATTRIBUTE = {10, 13, 16, 18, 24, 32, 48};
    private static final Map<String, Double> HEADING_SIZES = Map.of("h1", 2.0, "h2", 1.5, "h3", 1.17, "h4", 1.0,
            "h5", 0.83, "h6", 0.67);
    private static final Set<String> BOLD_ELEMENTS = Set.of("b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6");

    List<CheckFinding> check(String html, boolean requiresUnsubscribe) {
        Document document = Jsoup.parse(html);
        List<CheckFinding> findings = new ArrayList<>();
        Element root = document.firstElementChild();
        if (root == null || root.attr("lang").isBlank()) {
            findings.add(new CheckFinding(CheckRule.MISSING_LANG, "", ""));
        }
        if (requiresUnsubscribe && document.select("[href]").stream()
                .noneMatch(element -> UNSUBSCRIBE.matcher(element.attr("href")).find())) {
            findings.add(new CheckFinding(CheckRule.MISSING_UNSUBSCRIBE, "", ""));
        }
        imageOnly(document.body(), findings);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > GMAIL_CLIP_BYTES) {
            findings.add(new CheckFinding(CheckRule.CLIPPED_BY_GMAIL, "", (bytes + 1023) / 1024 + " Ko"));
        }
        visit(document.body(), findings);
        findings.sort(Comparator.comparing(CheckFinding::rule));
        return List.copyOf(findings);
    }

    private void visit(Element element, List<CheckFinding> findings) {
        if (PlainText.hidden(element)) {
            return;
        }
        switch (element.normalName()) {
            case "img" -> {
                if (!element.hasAttr("alt") && !trackingPixel(element)) {
                    add(findings, CheckRule.IMAGE_WITHOUT_ALT, element, element.attr("src"));
                }
            }
            case "a" -> {
                String name = accessibleName(element);
                if (element.hasAttr("href") && VAGUE_LINK_TEXTS.contains(comparable(name))) {
                    add(findings, CheckRule.VAGUE_LINK_TEXT, element, name);
                }
                String href = element.attr("href").strip();
                if (element.hasAttr("href") && (href.isEmpty() || href.equals("#"))) {
                    add(findings, CheckRule.PLACEHOLDER_LINK, element, name);
                }
            }
            default -> {
            }
        }
        if (element.textNodes().stream().map(TextNode::getWholeText)
                .anyMatch(text -> !INVISIBLE.matcher(text).replaceAll("").isEmpty())) {
            contrast(element, findings);
        }
        for (Element child : element.children()) {
            visit(child, findings);
        }
    }

    private static void imageOnly(Element body, List<CheckFinding> findings) {
        List<Element> images = body.select("img").stream()
                .filter(image -> !trackingPixel(image) && image.parents().stream().noneMatch(PlainText::hidden)
                        && !PlainText.hidden(image))
                .toList();
        boolean wide = images.stream().anyMatch(image -> {
            String width = width(image);
            return width.endsWith("%") || number(width).orElse(0) > WIDE_IMAGE;
        });
        int characters = SPACES.matcher(PlainText.of(body, false)).replaceAll(" ").strip().length();
        if (characters < IMAGE_ONLY_TEXT && (wide || images.size() >= 2)) {
            findings.add(new CheckFinding(CheckRule.IMAGE_ONLY, "",
                    characters + " caractères, " + images.size() + (images.size() > 1 ? " images" : " image")));
        }
    }

    private static boolean trackingPixel(Element image) {
        OptionalDouble width = number(width(image));
        OptionalDouble height = number(!image.attr("height").isBlank() ? image.attr("height")
                : Css.declarations(image.attr("style")).getOrDefault("height", ""));
        return width.isPresent() && height.isPresent() && width.getAsDouble() <= 1 && height.getAsDouble() <= 1;
    }

    private static String width(Element image) {
        String width = image.attr("width").strip();
        return !width.isEmpty() ? width : Css.declarations(image.attr("style")).getOrDefault("width", "").strip();
    }

    private static OptionalDouble number(String length) {
        Matcher matcher = LENGTH.matcher(length.strip());
        return matcher.lookingAt() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** The link's text, or its label, with the alternative text of its images. */
    private static String accessibleName(Element link) {
        String label = link.attr("aria-label").strip();
        if (!label.isEmpty()) {
            return label;
        }
        StringBuilder name = new StringBuilder(link.text());
        for (Element image : link.select("img[alt]")) {
            name.append(' ').append(image.attr("alt"));
        }
        return SPACES.matcher(name).replaceAll(" ").strip();
    }

    private static String comparable(String text) {
        String words = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SPACES.matcher(words).replaceAll(" ").strip();
    }

    private static void contrast(Element element, List<CheckFinding> findings) {
        Colour text = textColour(element);
        Colour background = backgroundColour(element);
        double ratio = Colour.contrast(text, background);
        if (ratio < (largeText(element) ? 3 : 4.5)) {
            String shown = String.format(Locale.ROOT, "%.1f", Math.floor(ratio * 10) / 10);
            add(findings, CheckRule.LOW_CONTRAST, element, text.hex() + " sur " + background.hex() + " (" + shown + ":1)");
        }
    }

    private static Colour textColour(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            String declared = Css.declarations(current.attr("style")).get("color");
            Colour colour = declared == null ? null : Colour.parse(declared);
            if (colour == null && current.normalName().equals("font") && current.hasAttr("color")) {
                colour = Colour.parseAttribute(current.attr("color"));
            }
            if (colour != null) {
                return colour;
            }
            if (declared == null && current.normalName().equals("a") && current.hasAttr("href")) {
                return Colour.LINK;
            }
        }
        return Colour.BLACK;
    }

    private static Colour backgroundColour(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            Colour colour = ownBackground(current);
            if (colour != null) {
                return colour;
            }
        }
        return Colour.WHITE;
    }

    /** The element's own background colour, or null when it is transparent, unknown or not set. */
    private static @Nullable Colour ownBackground(Element element) {
        boolean declared = false;
        Colour colour = null;
        for (Map.Entry<String, String> declaration : Css.declarations(element.attr("style")).entrySet()) {
            if (declaration.getKey().equals("background-color")) {
                declared = true;
                colour = Colour.parse(declaration.getValue());
            } else if (declaration.getKey().equals("background")) {
                declared = true;
                colour = null;
                for (String token : Css.split(declaration.getValue().strip().replaceAll("\\s+", " "), ' ')) {
                    colour = colour != null ? colour : Colour.parse(token);
                }
            }
        }
        if (!declared && element.hasAttr("bgcolor")) {
            return Colour.parseAttribute(element.attr("bgcolor"));
        }
        return colour;
    }

    /** WCAG's large text: at least 24px, or at least 14pt (18.66px) and bold. */
    private static boolean largeText(Element element) {
        List<Element> lineage = new ArrayList<>(element.parents());
        Collections.reverse(lineage);
        lineage.add(element);
        double size = 16;
        boolean bold = false;
        for (Element current : lineage) {
            double inherited = size;
            String name = current.normalName();
            size = inherited * HEADING_SIZES.getOrDefault(name, name.equals("small") ? 1 / 1.2 : name.equals("big") ? 1.2 : 1);
            bold = bold || BOLD_ELEMENTS.contains(name);
            if (name.equals("font") && current.hasAttr("size")) {
                size = fontSizeAttribute(current.attr("size"), size);
            }
            Map<String, String> style = Css.declarations(current.attr("style"));
            for (String token : style.getOrDefault("font", "").split("[\\s/]+")) {
                bold = WEIGHT.matcher(token).matches() ? weightIsBold(token) : bold;
                size = LENGTH.matcher(token).matches() && !token.matches("[\\d.]+") ? length(token, inherited, size) : size;
            }
            if (style.containsKey("font-size")) {
                size = length(style.get("font-size"), inherited, size);
            }
            if (style.containsKey("font-weight")) {
                bold = weightIsBold(style.get("font-weight"));
            }
        }
        return size >= 24 || (size >= 18.66 && bold);
    }

    private static boolean weightIsBold(String weight) {
        String value = weight.strip().toLowerCase(Locale.ROOT);
        return value.equals("bold") || value.equals("bolder") || (value.matches("\\d+") && Integer.parseInt(value) >= 700);
    }

    private static double length(String value, double inherited, double current) {
        String size = value.strip().toLowerCase(Locale.ROOT);
        if (FONT_SIZE_KEYWORDS.containsKey(size)) {
            return FONT_SIZE_KEYWORDS.get(size);
        }
        if (size.equals("smaller") || size.equals("larger")) {
            return size.equals("smaller") ? inherited / 1.2 : inherited * 1.2;
        }
        Matcher matcher = LENGTH.matcher(size);
        if (!matcher.matches()) {
            return current;
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "px" : matcher.group(2);
        return switch (unit) {
            case "pt" -> number * 4 / 3;
            case "em" -> number * inherited;
            case "rem" -> number * 16;
            case "%" -> number * inherited / 100;
            default -> number;
        };
    }

    private static double fontSizeAttribute(String value, double current) {
        String size = value.strip();
        if (!size.matches("[+-]?\\d")) {
            return current;
        }
        int index = size.startsWith("+") || size.startsWith("-") ? 3 + Integer.parseInt(size) : Integer.parseInt(size);
        return FONT_SIZE_ATTRIBUTE[Math.clamp(index, 1, 7) - 1];
    }

    /**
     * Adds a finding about {@code element} unless its rule has {@value #MAX_FINDINGS_PER_RULE} already:
     * jsoup computes each selector by looking through the element's siblings, so an unbounded number
     * of findings on a huge document would take quadratic time, and the panel has no use for more.
     */
    private static void add(List<CheckFinding> findings, CheckRule rule, Element element, String detail) {
        if (findings.stream().filter(finding -> finding.rule() == rule).count() < MAX_FINDINGS_PER_RULE) {
            findings.add(new CheckFinding(rule, selector(element), detail));
        }
    }

    private static String selector(Element element) {
        String selector = element.cssSelector();
        if (selector.startsWith("html > body > ")) {
            return selector.substring("html > body > ".length());
        }
        return selector.equals("html > body") ? "body" : selector;
    }
}
