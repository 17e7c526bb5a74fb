package io.portevoix.templates.adapter.html;

import static io.portevoix.templates.RemovalKind.DOCUMENT_ELEMENT;
import static io.portevoix.templates.RemovalKind.EMBEDDED_CONTENT;
import static io.portevoix.templates.RemovalKind.EVENT_HANDLER;
import static io.portevoix.templates.RemovalKind.FORM;
import static io.portevoix.templates.RemovalKind.OTHER_ELEMENT;
import static io.portevoix.templates.RemovalKind.SCRIPT;
import static io.portevoix.templates.RemovalKind.SVG;

import io.portevoix.templates.RemovalKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jspecify.annotations.Nullable;

/**
 * The e-mail allow-lists: which elements and attributes imported HTML keeps, which it unwraps and
 * which it drops with their content. Inside Outlook conditional comments (read by Outlook alone) the
 * Office settings and VML elements of bulletproof buttons are allowed as well.
 */
final class EmailPolicy {

    enum Action { KEEP, UNWRAP, DROP }

    record Disposition(Action action, @Nullable RemovalKind kind, String detail) {

        static final Disposition KEPT = new Disposition(Action.KEEP, null, "");
    }

    private static final Set<String> ELEMENTS = Set.of("html", "head", "body", "title", "style", "table", "thead",
            "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "div", "span", "p", "br", "hr", "h1",
            "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li", "b", "strong", "i", "em", "u", "s", "strike",
            "del", "ins", "sub", "sup", "small", "big", "tt", "font", "center", "blockquote", "pre", "code",
            "section", "article", "header", "footer", "main", "nav", "aside", "address", "figure", "figcaption",
            "dl", "dt", "dd", "abbr", "cite", "q", "mark", "time", "wbr");

    private static final Set<String> OFFICE_ELEMENTS = Set.of("xml", "noscript", "o:officedocumentsettings",
            "o:allowpng", "o:pixelsperinch", "v:roundrect", "v:rect", "v:oval", "v:fill", "v:stroke", "v:textbox",
            "v:image", "w:anchorlock");

    private static final Map<String, RemovalKind> DROPPED = Map.ofEntries(
            Map.entry("script", SCRIPT),
            Map.entry("iframe", EMBEDDED_CONTENT), Map.entry("frame", EMBEDDED_CONTENT),
            Map.entry("frameset", EMBEDDED_CONTENT), Map.entry("object", EMBEDDED_CONTENT),
            Map.entry("embed", EMBEDDED_CONTENT), Map.entry("applet", EMBEDDED_CONTENT),
            Map.entry("param", EMBEDDED_CONTENT),
            Map.entry("input", FORM), Map.entry("button", FORM), Map.entry("select", FORM),
            Map.entry("textarea", FORM), Map.entry("option", FORM), Map.entry("optgroup", FORM),
            Map.entry("datalist", FORM), Map.entry("output", FORM), Map.entry("keygen", FORM),
            Map.entry("label", FORM), Map.entry("legend", FORM),
            Map.entry("svg", SVG), Map.entry("math", SVG),
            Map.entry("base", DOCUMENT_ELEMENT), Map.entry("link", DOCUMENT_ELEMENT),
            Map.entry("meta", DOCUMENT_ELEMENT), Map.entry("noscript", DOCUMENT_ELEMENT),
            Map.entry("noembed", DOCUMENT_ELEMENT), Map.entry("noframes", DOCUMENT_ELEMENT),
            Map.entry("template", DOCUMENT_ELEMENT));

    /** A form and its fieldsets are containers: their controls go, the text around them stays. */
    private static final Set<String> UNWRAPPED_FORMS = Set.of("form", "fieldset");

    private static final Set<String> META_NAMES = Set.of("viewport", "x-apple-disable-message-reformatting",
            "format-detection", "color-scheme", "supported-color-schemes");
    private static final Set<String> META_HTTP_EQUIVS = Set.of("content-type", "x-ua-compatible");

    private static final Set<String> ATTRIBUTES = Set.of("style", "class", "id", "align", "valign", "width",
            "height", "border", "cellpadding", "cellspacing", "bgcolor", "background", "color", "face", "size",
            "colspan", "rowspan", "dir", "lang", "title", "alt", "role", "nowrap", "scope", "headers", "summary",
            "span", "start", "datetime", "hspace", "vspace");

    private static final Map<String, Set<String>> ELEMENT_ATTRIBUTES = Map.of(
            "a", Set.of("href", "target", "rel", "name"),
            "img", Set.of("src"),
            "style", Set.of("type", "media"),
            "meta", Set.of("charset", "name", "content", "http-equiv"),
            "html", Set.of("xmlns"));

    private static final Set<String> VML_ATTRIBUTES = Set.of("href", "src", "type", "arcsize", "strokecolor",
            "strokeweight", "stroke", "fillcolor", "fill", "color2", "inset", "xmlns:v", "xmlns:o", "xmlns:w");

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "background", "poster", "action",
            "formaction", "xlink:href", "cite", "longdesc", "lowsrc", "dynsrc", "srcset", "codebase", "data",
            "classid", "ping", "manifest", "profile", "usemap", "icon");

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9_.:-]*");

    private EmailPolicy() {
    }

    /** What becomes of an element named {@code name} (lower case) with {@code attributes}. */
    static Disposition of(String name, Attributes attributes, boolean inConditionalComment) {
        if (name.equals("meta")) {
            return meta(attributes);
        }
        if (ELEMENTS.contains(name) || (inConditionalComment && OFFICE_ELEMENTS.contains(name))) {
            return Disposition.KEPT;
        }
        RemovalKind dropped = DROPPED.get(name);
        if (dropped != null) {
            return new Disposition(Action.DROP, dropped, name);
        }
        if (UNWRAPPED_FORMS.contains(name)) {
            return new Disposition(Action.UNWRAP, FORM, name);
        }
        return new Disposition(Action.UNWRAP, OTHER_ELEMENT, name);
    }

    private static Disposition meta(Attributes attributes) {
        String httpEquiv = attributes.getIgnoreCase("http-equiv").strip().toLowerCase(Locale.ROOT);
        String name = attributes.getIgnoreCase("name").strip().toLowerCase(Locale.ROOT);
        if (httpEquiv.isEmpty() && (attributes.hasKeyIgnoreCase("charset") || META_NAMES.contains(name))
                || META_HTTP_EQUIVS.contains(httpEquiv)) {
            return Disposition.KEPT;
        }
        String detail = !httpEquiv.isEmpty() ? "meta http-equiv=" + httpEquiv : !name.isEmpty() ? "meta name=" + name : "meta";
        return new Disposition(Action.DROP, DOCUMENT_ELEMENT, detail);
    }

    /**
     * Removes from {@code attributes} of the kept element {@code element} what the allow-list refuses,
     * reporting event handlers, refused URLs and CSS; rewrites style attributes without their offending
     * declarations and merge tags so that they survive serialisation.
     */
    static void sanitizeAttributes(String element, Attributes attributes, boolean inConditionalComment,
            Removals removals) {
        for (Attribute attribute : List.copyOf(attributes.asList())) {
            String key = attribute.getKey();
            String name = key.toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (name.startsWith("on")) {
                removals.add(EVENT_HANDLER, element + " " + name);
                attributes.remove(key);
                continue;
            }
            Urls.Refusal refusal = URL_ATTRIBUTES.contains(name) ? Urls.check(value)
                    : name.startsWith("data-") ? Urls.checkData(value) : null;
            if (refusal != null) {
                removals.add(refusal.kind(), element + " " + name + "=" + refusal.scheme() + ":…");
                attributes.remove(key);
                continue;
            }
            if (!allowed(element, name, inConditionalComment)) {
                attributes.remove(key);
                continue;
            }
            if (name.equals("style")) {
                String css = Css.sanitizeDeclarations(value, element + " style=", removals);
                String danger = Css.danger(css);
                if (danger != null) {
                    removals.add(RemovalKind.CSS_EXPRESSION, element + " style=" + danger);
                    attributes.remove(key);
                    continue;
                }
                if (css.isBlank()) {
                    attributes.remove(key);
                    continue;
                }
                value = css;
            }
            attributes.put(key, Liquid.singleQuoted(value));
        }
    }

    private static boolean allowed(String element, String name, boolean inConditionalComment) {
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            return false;
        }
        if (ATTRIBUTES.contains(name) || ELEMENT_ATTRIBUTES.getOrDefault(element, Set.of()).contains(name)) {
            return true;
        }
        if (name.startsWith("aria-") || name.startsWith("data-")) {
            return true;
        }
        if (element.equals("html") && name.startsWith("xmlns:")) {
            return true;
        }
        return inConditionalComment && element.contains(":") && VML_ATTRIBUTES.contains(name);
    }
}
