package io.portevoix.templates.adapter.html;

import io.portevoix.templates.RemovalKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CSS of style attributes and {@code <style>} blocks: the declarations that run code or load what the
 * sanitiser refuses are dropped, everything else is kept as written. A piece of CSS is judged on its
 * normal form (comments removed, escapes resolved, lower case, no whitespace), so {@code e\xpression(}
 * and {@code expres/**}{@code /sion(} are caught.
 */
final class Css {

    private static final Pattern URL_FUNCTION = Pattern.compile("url\\(([^)]*)\\)?");
    private static final Pattern DATA_IN_STRING = Pattern.compile("[\"'(,]data:");
    private static final Pattern LESS_THAN = Pattern.compile("<(?!!--)");
    private static final Pattern IMPORTANT = Pattern.compile("\\s*!\\s*important\\s*$", Pattern.CASE_INSENSITIVE);

    private Css() {
    }

    /** The declarations of a style attribute in order, property names in lower case, {@code !important} removed. */
    static Map<String, String> declarations(String style) {
        Map<String, String> declarations = new LinkedHashMap<>();
        for (String declaration : split(style, ';')) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = IMPORTANT.matcher(declaration.substring(colon + 1)).replaceFirst("").strip();
                declarations.remove(property);
                declarations.put(property, value);
            }
        }
        return declarations;
    }

    /**
     * {@code css} (declarations) without the offending ones, reported with {@code context} before the
     * keyword ({@code "td style="}, {@code "style "}); unchanged when nothing offends.
     */
    static String sanitizeDeclarations(String css, String context, Removals removals) {
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String declaration : split(css, ';')) {
            String danger = danger(declaration);
            if (danger == null) {
                kept.add(declaration.strip());
            } else {
                removals.add(RemovalKind.CSS_EXPRESSION, context + danger);
                removed = true;
            }
        }
        if (!removed) {
            return css;
        }
        return String.join("; ", kept.stream().filter(declaration -> !declaration.isEmpty()).toList());
    }

    /** A stylesheet without its offending rules, at-rules and declarations; what is kept is kept as written. */
    static String sanitizeStylesheet(String css, Removals removals) {
        StringBuilder kept = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            int stop = scan(css, i, true);
            String prelude = css.substring(i, stop);
            if (stop == css.length()) {
                keepIfHarmless(prelude, kept, removals);
                break;
            }
            char c = css.charAt(stop);
            if (c == ';') {
                keepIfHarmless(prelude + ';', kept, removals);
                i = stop + 1;
            } else if (c == '}') {
                keepIfHarmless(prelude, kept, removals);
                i = stop + 1;
            } else {
                int close = matchingBrace(css, stop);
                String block = css.substring(stop + 1, close);
                String danger = danger(prelude);
                if (danger != null) {
                    removals.add(RemovalKind.CSS_EXPRESSION, "style " + danger);
                } else {
                    int nested = scan(block, 0, true);
                    String inner = nested < block.length() && block.charAt(nested) == '{'
                            ? sanitizeStylesheet(block, removals)
                            : sanitizeDeclarations(block, "style ", removals);
                    kept.append(prelude).append('{').append(inner).append(close < css.length() ? "}" : "");
                }
                i = Math.min(close + 1, css.length());
            }
        }
        return kept.toString();
    }

    /**
     * {@code css} as the content of a {@code <style>} element: every {@code <} but that of {@code <!--}
     * is escaped ({@code \3c }, the same character in a CSS string), so the content can neither close
     * the element nor look like markup to a client that mishandles it.
     */
    static String forStyleElement(String css) {
        return LESS_THAN.matcher(css).replaceAll("\\\\3c ");
    }

    private static void keepIfHarmless(String statement, StringBuilder kept, Removals removals) {
        String danger = danger(statement);
        if (danger == null) {
            kept.append(statement);
        } else {
            removals.add(RemovalKind.CSS_EXPRESSION, "style " + danger);
        }
    }

    /** What makes {@code css} refused ({@code "expression()"}, {@code "@import"}, …), or null when harmless. */
    static @Nullable String danger(String css) {
        String normal = normal(css);
        if (normal.contains("expression(")) {
            return "expression()";
        }
        if (normal.contains("behavior:") || normal.contains("behaviour:")) {
            return "behavior";
        }
        if (normal.contains("-moz-binding")) {
            return "-moz-binding";
        }
        if (normal.contains("@import")) {
            return "@import";
        }
        for (String script : List.of("javascript:", "vbscript:", "livescript:")) {
            if (normal.contains(script)) {
                return "url(" + script + "…)";
            }
        }
        Matcher url = URL_FUNCTION.matcher(normal);
        while (url.find()) {
            String argument = url.group(1).replace("\"", "").replace("'", "");
            Urls.Refusal refusal = Urls.check(argument);
            if (refusal != null) {
                return "url(" + refusal.scheme() + ":…)";
            }
        }
        if (DATA_IN_STRING.matcher(normal).find() || normal.startsWith("data:")) {
            return "url(data:…)";
        }
        return null;
    }

    /** Comments removed, escapes resolved, lower case, without whitespace. */
    static String normal(String css) {
        StringBuilder normal = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else if (c == '\\' && i + 1 < css.length()) {
                int hexEnd = i + 1;
                while (hexEnd < css.length() && hexEnd < i + 7 && Character.digit(css.charAt(hexEnd), 16) >= 0) {
                    hexEnd++;
                }
                if (hexEnd > i + 1) {
                    int codePoint = Integer.parseInt(css.substring(i + 1, hexEnd), 16);
                    normal.appendCodePoint(Character.isValidCodePoint(codePoint) && codePoint != 0 ? codePoint : 0xFFFD);
                    i = hexEnd < css.length() && Character.isWhitespace(css.charAt(hexEnd)) ? hexEnd + 1 : hexEnd;
                } else {
                    char escaped = css.charAt(i + 1);
                    if (escaped != '\n' && escaped != '\r' && escaped != '\f') {
                        normal.append(escaped);
                    }
                    i += 2;
                }
            } else {
                normal.append(c);
                i++;
            }
        }
        return Urls.compact(normal.toString());
    }

    /** Past the escape, comment or string that starts at {@code i}; {@code i} itself when none does. */
    private static int skipped(String css, int i) {
        char c = css.charAt(i);
        if (c == '\\') {
            return i + 2;
        }
        if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
            int end = css.indexOf("*/", i + 2);
            return end < 0 ? css.length() : end + 2;
        }
        return c == '"' || c == '\'' ? endOfString(css, i) : i;
    }

    /** {@code css} cut at each top-level {@code separator} (not inside a string, a comment or brackets). */
    static List<String> split(String css, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int depth = 0;
        int i = 0;
        while (i < css.length()) {
            int next = skipped(css, i);
            if (next != i) {
                i = next;
                continue;
            }
            char c = css.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(css.substring(from, i));
                from = i + 1;
            }
            i++;
        }
        parts.add(css.substring(Math.min(from, css.length())));
        return parts;
    }

    /** The index of the first top-level {@code ;}, {@code {} or {@code }} from {@code from}, or the length. */
    private static int scan(String css, int from, boolean stopAtSemicolon) {
        int depth = 0;
        int i = from;
        while (i < css.length()) {
            int next = skipped(css, i);
            if (next != i) {
                i = next;
                continue;
            }
            char c = css.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '{' || c == '}' || (stopAtSemicolon && c == ';'))) {
                return i;
            }
            i++;
        }
        return css.length();
    }

    /** The index of the brace closing the one at {@code open}, or the length when it is never closed. */
    private static int matchingBrace(String css, int open) {
        int depth = 0;
        int i = open;
        while (i < css.length()) {
            int stop = scan(css, i, false);
            if (stop == css.length()) {
                return stop;
            }
            depth += css.charAt(stop) == '{' ? 1 : -1;
            if (depth == 0) {
                return stop;
            }
            i = stop + 1;
        }
        return css.length();
    }

    private static int endOfString(String css, int open) {
        char quote = css.charAt(open);
        int i = open + 1;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return css.length();
    }
}
