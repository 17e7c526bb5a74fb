package io.portevoix.templates.adapter.html;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text alternative of an HTML e-mail. Paragraphs, headings and lists are separated by a
 * blank line, other blocks and table rows by a line break; comments (Outlook's included), the head,
 * styles and hidden elements (the preheader) give nothing.
 */
final class PlainText {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "ul", "ol", "dl", "figure", "hr");
    private static final Set<String> LINES = Set.of("div", "tr", "li", "table", "section", "article", "header",
            "footer", "main", "nav", "aside", "address", "center", "dt", "dd", "figcaption", "caption", "form");
    private static final Set<String> SILENT = Set.of("head", "style", "script", "title", "template", "noscript",
            "svg", "math", "iframe", "object", "select", "textarea");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u034F\\u00AD]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final boolean imagesAndUrls;
    private final StringBuilder text = new StringBuilder();
    private int pendingBreaks;

    private PlainText(boolean imagesAndUrls) {
        this.imagesAndUrls = imagesAndUrls;
    }

    /** The text of {@code root}; without {@code imagesAndUrls}, image alts and link URLs are left out (the visible text). */
    static String of(Element root, boolean imagesAndUrls) {
        PlainText plain = new PlainText(imagesAndUrls);
        plain.children(root);
        return plain.result();
    }

    static boolean hidden(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        Map<String, String> style = Css.declarations(element.attr("style"));
        return style.getOrDefault("display", "").equalsIgnoreCase("none")
                || style.getOrDefault("visibility", "").equalsIgnoreCase("hidden");
    }

    private void append(Node node) {
        if (node instanceof TextNode textNode) {
            words(textNode.getWholeText());
        } else if (node instanceof Element element) {
            append(element);
        }
    }

    private void append(Element element) {
        String name = element.normalName();
        if (SILENT.contains(name) || hidden(element)) {
            return;
        }
        switch (name) {
            case "br" -> text.append('\n');
            case "img" -> {
                String alt = element.attr("alt").strip();
                if (imagesAndUrls && !alt.isEmpty()) {
                    words("[" + alt + "]");
                }
            }
            case "a" -> words(link(element));
            case "td", "th" -> {
                words(" ");
                children(element);
                words(" ");
            }
            case "li" -> {
                breaks(1);
                flush();
                text.append("- ");
                children(element);
                breaks(1);
            }
            default -> {
                int around = PARAGRAPHS.contains(name) ? 2 : LINES.contains(name) ? 1 : 0;
                breaks(around);
                children(element);
                breaks(around);
            }
        }
    }

    private void children(Element element) {
        for (Node child : element.childNodes()) {
            append(child);
        }
    }

    private String link(Element link) {
        String label = WHITESPACE.matcher(of(link, imagesAndUrls)).replaceAll(" ").strip();
        String href = link.attr("href").strip();
        if (!imagesAndUrls || href.isEmpty() || href.startsWith("#")) {
            return label;
        }
        String shown = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7)
                : href.regionMatches(true, 0, "tel:", 0, 4) ? href.substring(4) : href;
        if (label.isEmpty() || sameAddress(label, shown)) {
            return shown;
        }
        return label + " (" + shown + ")";
    }

    private static boolean sameAddress(String label, String url) {
        return bare(label).equals(bare(url));
    }

    private static String bare(String address) {
        String bare = address.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private void words(String raw) {
        String words = WHITESPACE.matcher(INVISIBLE.matcher(raw.replace('\u00A0', ' ')).replaceAll("")).replaceAll(" ");
        if (words.isEmpty()) {
            return;
        }
        if (words.isBlank()) {
            if (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
                text.append(' ');
            }
            return;
        }
        flush();
        if (words.startsWith(" ") && (text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            words = words.substring(1);
        }
        text.append(words);
    }

    private void breaks(int count) {
        pendingBreaks = Math.max(pendingBreaks, count);
    }

    private void flush() {
        if (pendingBreaks > 0 && !text.isEmpty()) {
            int trailing = 0;
            for (int i = text.length() - 1; i >= 0 && (text.charAt(i) == '\n' || text.charAt(i) == ' '); i--) {
                trailing += text.charAt(i) == '\n' ? 1 : 0;
            }
            text.append("\n".repeat(Math.max(0, pendingBreaks - trailing)));
        }
        pendingBreaks = 0;
    }

    private String result() {
        String joined = String.join("\n", text.toString().lines()
                .map(line -> WHITESPACE.matcher(line).replaceAll(" ").strip())
                .toList());
        return BLANK_LINES.matcher(joined).replaceAll("\n\n").strip();
    }
}
