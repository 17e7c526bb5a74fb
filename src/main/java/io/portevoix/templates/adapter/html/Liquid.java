package io.portevoix.templates.adapter.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The Liquid tags ({@code {{ … }}} and {@code {% … %}}) inside HTML text and attribute values, which
 * the sanitiser must hand back so that Liquid still parses them after the HTML round trip.
 */
final class Liquid {

    private Liquid() {
    }

    /** Start (inclusive) and end (exclusive) offsets of each tag, in order. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        while (true) {
            int output = text.indexOf("{{", from);
            int logic = text.indexOf("{%", from);
            int open = output < 0 ? logic : logic < 0 ? output : Math.min(output, logic);
            if (open < 0) {
                return spans;
            }
            int close = text.indexOf(text.charAt(open + 1) == '{' ? "}}" : "%}", open + 2);
            if (close < 0) {
                return spans;
            }
            spans.add(new int[] {open, close + 2});
            from = close + 2;
        }
    }

    /** For each character of {@code text}, whether it lies inside a Liquid tag. */
    static boolean[] mask(String text) {
        boolean[] inside = new boolean[text.length()];
        for (int[] span : spans(text)) {
            for (int i = span[0]; i < span[1]; i++) {
                inside[i] = true;
            }
        }
        return inside;
    }

    static String withoutTags(String text) {
        StringBuilder outside = new StringBuilder();
        int from = 0;
        for (int[] span : spans(text)) {
            outside.append(text, from, span[0]);
            from = span[1];
        }
        return outside.append(text.substring(from)).toString();
    }

    /** {@code text} with each tag replaced by the string literals it contains, as a URL could be built from them. */
    static String flattened(String text) {
        StringBuilder flat = new StringBuilder();
        int from = 0;
        for (int[] span : spans(text)) {
            flat.append(text, from, span[0]);
            literals(text.substring(span[0], span[1])).forEach(flat::append);
            from = span[1];
        }
        return flat.append(text.substring(from)).toString();
    }

    /** The string literals of every tag in {@code text}. */
    static List<String> literals(String text) {
        List<String> literals = new ArrayList<>();
        for (int[] span : spans(text)) {
            String tag = text.substring(span[0], span[1]);
            int i = 0;
            while (i < tag.length()) {
                char quote = tag.charAt(i);
                int end = quote == '"' || quote == '\'' ? tag.indexOf(quote, i + 1) : -1;
                if (end > 0) {
                    literals.add(tag.substring(i + 1, end));
                    i = end + 1;
                } else {
                    i++;
                }
            }
        }
        return literals;
    }

    /**
     * {@code value} with the double-quoted string literals of its tags single-quoted, because an
     * attribute value is written between double quotes and {@code &quot;} would break Liquid. Liquid
     * strings have no escapes, so an apostrophe inside such a literal becomes a typographic one.
     */
    static String singleQuoted(String value) {
        List<int[]> spans = spans(value);
        if (spans.isEmpty() || value.indexOf('"') < 0) {
            return value;
        }
        StringBuilder result = new StringBuilder();
        int from = 0;
        for (int[] span : spans) {
            result.append(value, from, span[0]);
            String tag = value.substring(span[0], span[1]);
            int i = 0;
            while (i < tag.length()) {
                char c = tag.charAt(i);
                int end = c == '"' || c == '\'' ? tag.indexOf(c, i + 1) : -1;
                if (end < 0) {
                    result.append(c);
                    i++;
                } else if (c == '\'') {
                    result.append(tag, i, end + 1);
                    i = end + 1;
                } else {
                    result.append('\'').append(tag.substring(i + 1, end).replace('\'', '’')).append('\'');
                    i = end + 1;
                }
            }
            from = span[1];
        }
        return result.append(value.substring(from)).toString();
    }
}
