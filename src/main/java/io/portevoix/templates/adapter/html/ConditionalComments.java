package io.portevoix.templates.adapter.html;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Outlook conditional comments. {@code <!--[if mso]>…<![endif]-->} is kept with its content sanitised
 * by the same allow-lists; the markers of {@code <!--[if !mso]><!-->…<!--<![endif]-->} are kept as they
 * are (their content is ordinary markup, sanitised with the rest); every other comment goes.
 *
 * <p>The content of a conditional comment is often not a tree: ghost tables open
 * {@code <table><tr><td>} in one comment and close them in another. Parsing it as a fragment would
 * close or drop those tags, so it is read as a sequence of tags and text instead: each tag is parsed by
 * jsoup, checked, and written again from its checked parts, and text is written escaped. Whatever the
 * reading, nothing of the original markup is passed through.
 */
final class ConditionalComments {

    private static final String CONDITION = "\\[if [A-Za-z0-9 !|&()]+\\]>";
    private static final Pattern DOWNLEVEL_HIDDEN = Pattern.compile("(" + CONDITION + ")(.*)(<!\\[endif\\]\\s*)", Pattern.DOTALL);
    private static final Pattern REVEALED_START = Pattern.compile(CONDITION + "<!(?:--\\s*)?");
    private static final Pattern REVEALED_END = Pattern.compile("\\s*<!\\[endif\\]\\s*");
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][^\\s/>]*");
    private static final Pattern ASCII_NAME = Pattern.compile("[A-Za-z0-9:-]+");

    /** Elements whose content is text, not markup. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes",
            "textarea", "title", "plaintext");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr", "frame", "keygen");

    private ConditionalComments() {
    }

    /** The comment's data after sanitising, or null when the comment must be removed. */
    static @Nullable String sanitize(String data, Removals removals) {
        if (REVEALED_START.matcher(data).matches() || REVEALED_END.matcher(data).matches()) {
            return data;
        }
        Matcher hidden = DOWNLEVEL_HIDDEN.matcher(data);
        if (!hidden.matches()) {
            return null;
        }
        String content = new Reader(hidden.group(2), removals).read();
        content = content.replace("--!>", "--!&gt;").replace("-->", "--&gt;");
        return hidden.group(1) + content + hidden.group(3);
    }

    private static final class Reader {

        private final String markup;
        private final Removals removals;
        private final StringBuilder out = new StringBuilder();
        private int position;
        private @Nullable String skipped;
        private int skippedDepth;

        Reader(String markup, Removals removals) {
            this.markup = markup;
            this.removals = removals;
        }

        String read() {
            while (position < markup.length()) {
                int tag = nextTag(position);
                if (skipped == null) {
                    out.append(HtmlWriter.escape(Parser.unescapeEntities(markup.substring(position, tag), false), false));
                }
                if (tag == markup.length()) {
                    break;
                }
                char next = markup.charAt(tag + 1);
                if (next == '!' || next == '?') {
                    position = endOf(markup.indexOf('>', tag));
                } else if (next == '/') {
                    endTag(tag);
                } else {
                    startTag(tag);
                }
            }
            return out.toString();
        }

        /** The index of the next {@code <} that opens a tag, a comment or a declaration, or the length. */
        private int nextTag(int from) {
            int i = markup.indexOf('<', from);
            while (i >= 0 && i + 1 < markup.length()) {
                char next = markup.charAt(i + 1);
                if (Character.isLetter(next) || next == '!' || next == '?'
                        || (next == '/' && i + 2 < markup.length() && Character.isLetter(markup.charAt(i + 2)))) {
                    return i;
                }
                i = markup.indexOf('<', i + 1);
            }
            return markup.length();
        }

        private int endOf(int closingBracket) {
            return closingBracket < 0 ? markup.length() : closingBracket + 1;
        }

        private void endTag(int tag) {
            Matcher name = TAG_NAME.matcher(markup).region(tag + 2, markup.length());
            position = endOf(markup.indexOf('>', tag));
            if (!name.lookingAt()) {
                return;
            }
            String original = name.group();
            String lower = original.toLowerCase(Locale.ROOT);
            if (skipped != null) {
                if (lower.equals(skipped) && --skippedDepth == 0) {
                    skipped = null;
                }
                return;
            }
            if (EmailPolicy.of(lower, new Attributes(), true).action() == EmailPolicy.Action.KEEP) {
                out.append("</").append(ASCII_NAME.matcher(original).matches() ? original : lower).append('>');
            }
        }

        private void startTag(int tag) {
            int end = endOfStartTag(tag);
            String text = markup.substring(tag, end);
            position = end;
            Element element = Jsoup.parse(text, "", Parser.xmlParser()).firstElementChild();
            if (element == null) {
                return;
            }
            String lower = element.normalName();
            boolean selfClosing = text.endsWith("/>");
            if (skipped != null) {
                if (lower.equals(skipped) && !selfClosing) {
                    skippedDepth++;
                }
                return;
            }
            EmailPolicy.Disposition disposition = EmailPolicy.of(lower, element.attributes(), true);
            switch (disposition.action()) {
                case KEEP -> {
                    Attributes attributes = element.attributes();
                    EmailPolicy.sanitizeAttributes(lower, attributes, true, removals);
                    String name = ASCII_NAME.matcher(element.tagName()).matches() ? element.tagName() : lower;
                    HtmlWriter.startTag(out, name, attributes, selfClosing);
                    if (RAW_TEXT.contains(lower) && !selfClosing) {
                        String content = rawText(lower);
                        if (lower.equals("style")) {
                            out.append(Css.forStyleElement(Css.sanitizeStylesheet(content, removals)));
                        } else {
                            out.append(HtmlWriter.escape(Parser.unescapeEntities(content, false), false));
                        }
                        out.append("</").append(name).append('>');
                    }
                }
                case UNWRAP -> {
                    removals.add(disposition.kind(), disposition.detail());
                    if (RAW_TEXT.contains(lower) && !selfClosing) {
                        out.append(HtmlWriter.escape(rawText(lower), false));
                    }
                }
                case DROP -> {
                    removals.add(disposition.kind(), disposition.detail());
                    if (RAW_TEXT.contains(lower)) {
                        rawText(lower);
                    } else if (!selfClosing && !VOID.contains(lower)) {
                        skipped = lower;
                        skippedDepth = 1;
                    }
                }
            }
        }

        /** The text up to the end tag of raw-text element {@code name}, after which reading goes on. */
        private String rawText(String name) {
            String closing = "</" + name;
            int from = position;
            for (int close = markup.indexOf('<', from); close >= 0; close = markup.indexOf('<', close + 1)) {
                int after = close + closing.length();
                if (markup.regionMatches(true, close, closing, 0, closing.length()) && (after >= markup.length()
                        || Character.isWhitespace(markup.charAt(after)) || markup.charAt(after) == '/'
                        || markup.charAt(after) == '>')) {
                    position = endOf(markup.indexOf('>', close));
                    return markup.substring(from, close);
                }
            }
            position = markup.length();
            return markup.substring(from);
        }

        /** The index after the {@code >} that ends the start tag at {@code tag}, skipping quoted attribute values. */
        private int endOfStartTag(int tag) {
            int i = tag + 1;
            boolean afterEquals = false;
            while (i < markup.length()) {
                char c = markup.charAt(i);
                if (afterEquals && (c == '"' || c == '\'')) {
                    int close = markup.indexOf(c, i + 1);
                    if (close < 0) {
                        return markup.length();
                    }
                    i = close + 1;
                    afterEquals = false;
                    continue;
                }
                if (c == '>') {
                    return i + 1;
                }
                if (c == '=') {
                    afterEquals = true;
                } else if (!Character.isWhitespace(c)) {
                    afterEquals = false;
                }
                i++;
            }
            return markup.length();
        }
    }
}
