package io.portevoix.tracking.adapter.web;

import io.portevoix.audience.BroadcastType;
import io.portevoix.tracking.Hit;
import io.portevoix.tracking.LinkPurpose;
import io.portevoix.tracking.RecipientPage;
import io.portevoix.tracking.RecipientPages;
import io.portevoix.tracking.WebVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The recipient pages behind signed links, plain HTML branded with the account's name and in its
 * language (texts from the application's translations). {@code POST /public/u/{token}} is both the
 * confirmation form's target and the RFC 8058 one-click unsubscribe mail providers send
 * ({@code List-Unsubscribe=One-Click}). {@code /public/w/{token}} is the web version of the message.
 * A token that does not verify is a 404 and changes nothing.
 */
@Controller
class RecipientPagesController {

    /** A 1×1 transparent GIF. */
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final String STYLE = "body{font-family:Arial,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;"
            + "color:#1f2937}h1{font-size:22px}button{background:#1d4ed8;color:#fff;border:0;border-radius:6px;"
            + "padding:10px 16px;font-size:15px}";

    private final RecipientPages pages;

    RecipientPagesController(RecipientPages pages) {
        this.pages = pages;
    }

    @GetMapping("/public/u/{token}")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        return pages.page(token, LinkPurpose.UNSUBSCRIBE).map(page -> html(page.accountName(), page.locale(),
                text(page.locale(), "public.unsubscribe.title"), "<p>" + escape(text(page.locale(), "public.unsubscribe.text",
                        typeName(page.type(), page.locale()), page.accountName())) + "</p>"
                        + "<form method=\"post\"><button type=\"submit\" id=\"confirm\">"
                        + escape(text(page.locale(), "public.unsubscribe.confirm")) + "</button></form>"))
                .orElseGet(RecipientPagesController::notFound);
    }

    @PostMapping("/public/u/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) @Nullable String oneClick) {
        Optional<RecipientPage> page = pages.page(token, LinkPurpose.UNSUBSCRIBE);
        if (page.isEmpty() || !pages.unsubscribe(token)) {
            return notFound();
        }
        if ("One-Click".equals(oneClick)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("unsubscribed");
        }
        Locale locale = page.get().locale();
        return html(page.get().accountName(), locale, text(locale, "public.unsubscribe.doneTitle"), "<p id=\"done\">"
                + escape(text(locale, "public.unsubscribe.done", page.get().accountName())) + "</p>");
    }

    @RequestMapping(path = "/public/c/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<String> click(@PathVariable String token, HttpServletRequest request) {
        return redirect(pages.click(token, hit(request)));
    }

    /** 302 to the exact destination, never cached nor told where it came from; 404 for a link that does not verify. */
    private static ResponseEntity<String> redirect(Optional<String> destination) {
        return destination.map(url -> ResponseEntity.status(HttpStatus.FOUND).header("Location", url)
                        .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").<String>build())
                .orElseGet(RecipientPagesController::notFound);
    }

    @RequestMapping(path = "/s/{code}", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<String> shortClick(@PathVariable String code, HttpServletRequest request) {
        return redirect(pages.shortClick(code, hit(request)));
    }

    @RequestMapping(path = "/public/o/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
        pages.open(token, hit(request));
        // the image answers whatever the token, so a mail client never shows a broken picture
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).header("Cache-Control", "no-store, private").body(PIXEL);
    }

    /**
     * The web version: the message as the member received it, its links tracked, under a slim banner
     * of the account; no script runs in it. An erased member's message is no longer available.
     */
    @RequestMapping(path = "/public/w/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<String> webVersion(@PathVariable String token, HttpServletRequest request) {
        Optional<WebVersion> version = pages.webVersion(token, hit(request));
        if (version.isEmpty()) {
            return notFound();
        }
        WebVersion v = version.get();
        if (v.message().isEmpty()) {
            return html(v.accountName(), v.locale(), text(v.locale(), "public.webVersion.unavailableTitle"),
                    "<p id=\"unavailable\">" + escape(text(v.locale(), "public.webVersion.unavailable")) + "</p>");
        }
        Document document = Jsoup.parse(v.message().get().html());
        document.outputSettings().prettyPrint(false);
        document.selectFirst("html").attr("lang", v.locale().getLanguage());
        document.title(v.message().get().subject() + " · " + v.accountName());
        document.head().prependElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        document.head().prependElement("meta").attr("charset", "utf-8");
        document.body().prependElement("div").attr("id", "web-version-banner")
                .attr("style", "font-family:Arial,sans-serif;font-size:13px;color:#4b5563;background:#f3f4f6;"
                        + "padding:8px 16px;text-align:center")
                .text(text(v.locale(), "public.webVersion.banner", v.accountName()));
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store, private")
                .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
                .body(document.outerHtml());
    }

    private static Hit hit(HttpServletRequest request) {
        return new Hit(request.getMethod(), request.getHeader("User-Agent"), request.getRemoteAddr());
    }

    @GetMapping("/public/p/{token}")
    ResponseEntity<String> preferencesPage(@PathVariable String token) {
        return pages.page(token, LinkPurpose.PREFERENCES).map(page -> preferences(page, false))
                .orElseGet(RecipientPagesController::notFound);
    }

    @PostMapping(path = "/public/p/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> savePreferences(@PathVariable String token,
            @RequestParam MultiValueMap<String, String> form) {
        Map<BroadcastType, Boolean> accepted = new EnumMap<>(BroadcastType.class);
        for (BroadcastType type : new BroadcastType[] {BroadcastType.INFORMATIVE, BroadcastType.MARKETING}) {
            accepted.put(type, form.containsKey(type.name()));
        }
        if (!pages.savePreferences(token, accepted)) {
            return notFound();
        }
        return pages.page(token, LinkPurpose.PREFERENCES).map(page -> preferences(page, true))
                .orElseGet(RecipientPagesController::notFound);
    }

    private ResponseEntity<String> preferences(RecipientPage page, boolean saved) {
        Locale locale = page.locale();
        StringBuilder form = new StringBuilder("<form method=\"post\">");
        page.consents().forEach((type, accepted) -> form.append("<p><label><input type=\"checkbox\" name=\"")
                .append(type.name()).append("\" id=\"").append(type.name()).append("\"").append(accepted ? " checked" : "")
                .append("> ").append(escape(text(locale, "public.preferences.receive", typeName(type, locale))))
                .append("</label></p>"));
        form.append("<p>").append(escape(text(locale, "public.preferences.legal"))).append("</p>");
        form.append("<button type=\"submit\" id=\"save\">").append(escape(text(locale, "public.preferences.save")))
                .append("</button></form>");
        if (saved) {
            form.insert(0, "<p id=\"saved\">" + escape(text(locale, "public.preferences.saved")) + "</p>");
        }
        return html(page.accountName(), locale, text(locale, "public.preferences.title"), form.toString());
    }

    private static String typeName(BroadcastType type, Locale locale) {
        return text(locale, "public.type." + type.name());
    }

    /** A text of the application's translations in the page's language (French unless the account speaks English). */
    private static String text(Locale locale, String key, Object... arguments) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static ResponseEntity<String> html(String accountName, Locale locale, String title, String body) {
        String lang = "en".equals(locale.getLanguage()) ? "en" : "fr";
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body("<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                        + " · " + escape(accountName) + "</title><style>" + STYLE + "</style></head><body><p><strong>"
                        + escape(accountName) + "</strong></p><h1>" + escape(title) + "</h1>" + body + "</body></html>");
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text(Locale.FRENCH, "public.invalidLink") + "\n" + text(Locale.ENGLISH, "public.invalidLink") + "\n");
    }
}
