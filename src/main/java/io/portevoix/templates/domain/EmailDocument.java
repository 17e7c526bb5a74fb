package io.portevoix.templates.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed parts the platform adds to every e-mail document: the hidden preheader right after
 * {@code <body>}, and the legal footer before {@code </body>} when a marketing or informative
 * e-mail has no unsubscribe link of its own (so it cannot be removed).
 */
public final class EmailDocument {

    private static final Pattern BODY_OPEN = Pattern.compile("<body[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSUBSCRIBE = Pattern.compile("\\{\\{-?\\s*unsubscribeUrl\\b");

    private EmailDocument() {
    }

    /** Whether the HTML prints the recipient's unsubscribe link somewhere. */
    public static boolean hasUnsubscribeLink(String html) {
        return UNSUBSCRIBE.matcher(html).find();
    }

    /** The document with its preheader (Liquid source) hidden at the top of the body. */
    public static String withPreheader(String html, String preheader) {
        if (preheader.isBlank()) {
            return html;
        }
        String hidden = "<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;"
                + "color:#ffffff;opacity:0\">" + preheader + "&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;</div>";
        Matcher body = BODY_OPEN.matcher(html);
        if (body.find()) {
            return html.substring(0, body.end()) + hidden + html.substring(body.end());
        }
        return hidden + html;
    }

    /** The document with the legal footer appended at the end of its body. */
    public static String withFooter(String html, String footer) {
        int close = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return close < 0 ? html + footer : html.substring(0, close) + footer + html.substring(close);
    }

    /** A complete document around a body made in the editor; {@code mediaCss} keeps the editor's @media rules. */
    public static String document(String lang, String bodyHtml, String mediaCss) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>{{ account.name }}</title>"
                + (mediaCss.isBlank() ? "" : "<style>" + mediaCss + "</style>")
                + "</head><body style=\"margin:0;padding:0;background-color:#f3f4f6\">" + bodyHtml + "</body></html>";
    }

    /** Only the {@code @media} blocks of a style sheet (the editor inlines every other rule into the HTML). */
    public static String mediaRules(String css) {
        StringBuilder kept = new StringBuilder();
        int at = css.indexOf("@media");
        while (at >= 0) {
            int open = css.indexOf('{', at);
            if (open < 0) {
                break;
            }
            int depth = 0;
            int end = open;
            for (; end < css.length(); end++) {
                char c = css.charAt(end);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            if (end >= css.length()) {
                break;
            }
            kept.append(css, at, end + 1).append('\n');
            at = css.indexOf("@media", end);
        }
        return kept.toString().strip();
    }

    /**
     * The legal footer in the account's language: account name and postal address, unsubscribe and
     * preferences links (Liquid source, rendered with the recipient's values).
     */
    public static String legalFooter(Locale locale) {
        boolean french = !"en".equals(locale.getLanguage());
        String reason = french ? "Vous recevez ce message en tant que membre de {{ account.name }}."
                : "You receive this message as a member of {{ account.name }}.";
        String unsubscribe = french ? "Se désinscrire" : "Unsubscribe";
        String preferences = french ? "Gérer mes préférences" : "Manage my preferences";
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                + "style=\"background-color:#f3f4f6\" data-pv-legal-footer=\"\"><tr><td align=\"center\" "
                + "style=\"padding:16px 24px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#4b5563\">"
                + reason + "<br>{{ account.name }}{% if account.address %} · {{ account.address }}{% endif %}<br>"
                + "<a href=\"{{ unsubscribeUrl }}\" style=\"color:#374151;text-decoration:underline\">" + unsubscribe + "</a>"
                + " · <a href=\"{{ preferencesUrl }}\" style=\"color:#374151;text-decoration:underline\">" + preferences
                + "</a></td></tr></table>";
    }
}
