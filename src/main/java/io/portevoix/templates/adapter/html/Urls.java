package io.portevoix.templates.adapter.html;

import io.portevoix.templates.RemovalKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Whether a URL from an attribute or a CSS {@code url()} may stay: web, mail, phone and cid URLs, relative ones and merge tags. */
final class Urls {

    /** Why a URL was refused: the removal kind and the scheme, for the report. */
    record Refusal(RemovalKind kind, String scheme) {
    }

    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto", "tel", "cid");
    private static final Set<String> SCRIPT_SCHEMES = Set.of("javascript", "vbscript", "livescript");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    private Urls() {
    }

    /**
     * The refusal of {@code url}, or null when it may stay. Browsers ignore tabs, newlines and leading
     * controls in a URL, so they are removed before the scheme is read; jsoup has already decoded the
     * character references. A merge tag can produce any text once rendered, so the scheme is also looked
     * for in the string literals of the tags, in the URL as they would rebuild it and anywhere in the URL.
     */
    static @Nullable Refusal check(String url) {
        String flat = compact(Liquid.flattened(url));
        String whole = compact(url);
        for (String script : SCRIPT_SCHEMES) {
            if (flat.contains(script + ":") || whole.contains(script + ":")) {
                return new Refusal(RemovalKind.SCRIPT_URL, script);
            }
        }
        for (String literal : Liquid.literals(url)) {
            if (compact(literal).startsWith("data:")) {
                return new Refusal(RemovalKind.DATA_URL, "data");
            }
        }
        String scheme = scheme(compact(Liquid.withoutTags(url)));
        if (scheme == null || ALLOWED_SCHEMES.contains(scheme)) {
            return null;
        }
        return new Refusal(scheme.equals("data") ? RemovalKind.DATA_URL : RemovalKind.SCRIPT_URL, scheme);
    }

    /** Whether {@code value} (of a {@code data-*} attribute, which is not a URL) holds a script or data URL. */
    static @Nullable Refusal checkData(String value) {
        Refusal refusal = check(value);
        return refusal != null && (refusal.kind() == RemovalKind.DATA_URL || SCRIPT_SCHEMES.contains(refusal.scheme()))
                ? refusal : null;
    }

    private static @Nullable String scheme(String compacted) {
        Matcher matcher = SCHEME.matcher(compacted);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Lower case, without the whitespace, control and invisible characters browsers skip or that hide a scheme. */
    static String compact(String text) {
        StringBuilder compacted = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c > 0x20 && !(c >= 0x7F && c <= 0xA0) && !(c >= 0x200B && c <= 0x200D) && c != 0xFEFF
                        && !Character.isWhitespace(c))
                .forEach(compacted::appendCodePoint);
        return compacted.toString().toLowerCase(Locale.ROOT);
    }
}
