package io.portevoix.templates.adapter.html;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes sanitised HTML. It follows jsoup's HTML output (no pretty printing, UTF-8 characters as they
 * are, {@code &nbsp;}, {@code &lt;}, {@code &gt;}, {@code &amp;}, {@code &quot;} in attributes) except
 * inside Liquid tags, where jsoup's {@code &gt;} and {@code &quot;} would break
 * {@code {% if contact.age > 18 %}}: there {@code >} is written as is, and so is {@code <} when it
 * cannot open a tag. Only {@code <style>} content is written raw, so text that jsoup parsed as data
 * elsewhere (an unwrapped {@code <xmp>}) is escaped.
 */
final class HtmlWriter {

    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "param", "source", "track", "wbr");
    private static final Pattern DOCTYPE_ID = Pattern.compile("[A-Za-z0-9 ./:_#+()-]*");

    private HtmlWriter() {
    }

    static String write(Node root) {
        StringBuilder html = new StringBuilder();
        for (Node child : root.childNodes()) {
            write(child, html);
        }
        return html.toString();
    }

    private static void write(Node node, StringBuilder html) {
        switch (node) {
            case Element element -> {
                startTag(html, element.tagName(), element.attributes(), false);
                if (!VOID_ELEMENTS.contains(element.normalName())) {
                    for (Node child : element.childNodes()) {
                        write(child, html);
                    }
                    html.append("</").append(element.tagName()).append('>');
                }
            }
            case TextNode text -> html.append(escape(text.getWholeText(), false));
            case DataNode data -> html.append(data.parent() instanceof Element parent && parent.normalName().equals("style")
                    ? data.getWholeData() : escape(data.getWholeData(), false));
            case Comment comment -> html.append("<!--").append(comment.getData()).append("-->");
            case DocumentType doctype -> html.append(doctype(doctype));
            default -> {
            }
        }
    }

    /** {@code <name attributes>}, or {@code <name attributes/>}: names and keys have been allow-listed. */
    static void startTag(StringBuilder html, String name, Attributes attributes, boolean selfClosing) {
        html.append('<').append(name);
        for (Attribute attribute : attributes.asList()) {
            html.append(' ').append(attribute.getKey()).append("=\"").append(escape(attribute.getValue(), true)).append('"');
        }
        html.append(selfClosing ? "/>" : ">");
    }

    private static String doctype(DocumentType doctype) {
        String publicId = doctype.publicId();
        String systemId = doctype.systemId();
        if (!DOCTYPE_ID.matcher(publicId).matches() || !DOCTYPE_ID.matcher(systemId).matches()) {
            return "<!DOCTYPE html>";
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html");
        if (!publicId.isEmpty()) {
            html.append(" PUBLIC \"").append(publicId).append('"');
        }
        if (!systemId.isEmpty()) {
            html.append(publicId.isEmpty() ? " SYSTEM \"" : " \"").append(systemId).append('"');
        }
        return html.append('>').toString();
    }

    static String escape(String text, boolean attribute) {
        boolean[] liquid = Liquid.mask(text);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '\u00A0' -> escaped.append("&nbsp;");
                case '"' -> escaped.append(attribute ? "&quot;" : "\"");
                case '>' -> escaped.append(liquid[i] ? ">" : "&gt;");
                case '<' -> escaped.append(liquid[i] && !opensMarkup(text, i + 1) ? "<" : "&lt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean opensMarkup(String text, int next) {
        if (next >= text.length()) {
            return false;
        }
        char c = text.charAt(next);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }
}
