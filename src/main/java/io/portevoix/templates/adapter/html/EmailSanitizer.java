package io.portevoix.templates.adapter.html;

import io.portevoix.templates.SanitizedHtml;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.XmlDeclaration;
import org.jspecify.annotations.Nullable;

/**
 * The sanitiser of imported HTML e-mails: the whole document is parsed (the head keeps its
 * {@code <style>} blocks for media queries) and walked with the allow-lists of {@link EmailPolicy}.
 * A form is unwrapped, so text around its controls stays; the controls go. The head and body are
 * written even when the input lacked them (or had a frameset).
 */
final class EmailSanitizer {

    /** Rounds after the first, at most, for the output to be what a parser reading it builds. */
    private static final int ROUNDS = 3;

    /**
     * Sanitises {@code html}. The tree jsoup builds from broken markup (foster-parented tables,
     * paragraphs inside paragraphs) is not always the tree a parser builds from its serialisation, so
     * the output is parsed and written again until it no longer changes: sanitising the result of
     * sanitising then changes nothing. Those later rounds find nothing left to remove.
     */
    SanitizedHtml sanitize(String html) {
        Removals removals = new Removals();
        String sanitized = round(html, removals);
        for (int i = 0; i < ROUNDS; i++) {
            String again = round(sanitized, new Removals());
            if (again.equals(sanitized)) {
                break;
            }
            sanitized = again;
        }
        return new SanitizedHtml(sanitized, removals.list());
    }

    private String round(String html, Removals removals) {
        Document document = Jsoup.parse(html);
        sanitizeChildren(document, removals);
        joinText(document);
        document.head();
        document.body();
        return HtmlWriter.write(document);
    }

    private void sanitizeChildren(Node parent, Removals removals) {
        for (Node child : List.copyOf(parent.childNodes())) {
            switch (child) {
                case Element element -> sanitize(element, removals);
                case Comment comment -> {
                    String data = ConditionalComments.sanitize(comment.getData(), removals);
                    if (data == null) {
                        comment.remove();
                    } else {
                        comment.setData(data);
                    }
                }
                case XmlDeclaration declaration -> declaration.remove();
                case TextNode text when parent instanceof Document -> text.remove();
                default -> {
                }
            }
        }
    }

    /**
     * Joins the text that unwrapped elements left in pieces, as a parser reading the output will, so
     * that a merge tag split by such an element is written whole and sanitising again changes nothing.
     * Data outside {@code <style>} (from an unwrapped {@code <xmp>}) becomes text.
     */
    private static void joinText(Element element) {
        @Nullable TextNode previous = null;
        for (Node child : List.copyOf(element.childNodes())) {
            if (child instanceof Element childElement) {
                joinText(childElement);
                previous = null;
            } else if (child instanceof TextNode || (child instanceof DataNode && !element.normalName().equals("style"))) {
                String text = child instanceof TextNode textNode ? textNode.getWholeText() : ((DataNode) child).getWholeData();
                if (previous != null) {
                    previous.text(previous.getWholeText() + text);
                    child.remove();
                } else if (child instanceof TextNode textNode) {
                    previous = textNode;
                } else {
                    previous = new TextNode(text);
                    child.replaceWith(previous);
                }
            } else {
                previous = null;
            }
        }
    }

    private void sanitize(Element element, Removals removals) {
        String name = element.normalName();
        EmailPolicy.Disposition disposition = EmailPolicy.of(name, element.attributes(), false);
        switch (disposition.action()) {
            case DROP -> {
                removals.add(disposition.kind(), disposition.detail());
                element.remove();
            }
            case UNWRAP -> {
                removals.add(disposition.kind(), disposition.detail());
                sanitizeChildren(element, removals);
                element.unwrap();
            }
            case KEEP -> {
                EmailPolicy.sanitizeAttributes(name, element.attributes(), false, removals);
                if (name.equals("style")) {
                    String css = Css.forStyleElement(Css.sanitizeStylesheet(element.data(), removals));
                    element.empty().appendChild(new DataNode(css));
                } else {
                    sanitizeChildren(element, removals);
                }
            }
        }
    }
}
