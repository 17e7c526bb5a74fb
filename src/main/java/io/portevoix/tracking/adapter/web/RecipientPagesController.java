package io.portevoix.tracking.adapter.web;

import io.portevoix.audience.BroadcastType;
import io.portevoix.tracking.LinkPurpose;
import io.portevoix.tracking.RecipientPage;
import io.portevoix.tracking.RecipientPages;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The recipient pages behind signed links, plain HTML branded with the account's name and in its
 * language. {@code POST /public/u/{token}} is both the confirmation form's target and the RFC 8058
 * one-click unsubscribe mail providers send ({@code List-Unsubscribe=One-Click}). A token that
 * does not verify is a 404 and changes nothing.
 */
@Controller
class RecipientPagesController {

    private final RecipientPages pages;

    RecipientPagesController(RecipientPages pages) {
        this.pages = pages;
    }

    @GetMapping("/public/u/{token}")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        return pages.page(token, LinkPurpose.UNSUBSCRIBE).map(page -> {
            boolean fr = french(page);
            String type = typeName(page.type(), fr);
            return html(HttpStatus.OK, page, fr ? "Se désinscrire" : "Unsubscribe",
                    "<p>" + (fr ? "Vous ne recevrez plus les messages « " + type + " » de " : "You will no longer receive "
                            + type + " messages from ") + escape(page.accountName()) + ".</p>"
                            + "<form method=\"post\"><button type=\"submit\" id=\"confirm\">"
                            + (fr ? "Confirmer la désinscription" : "Confirm") + "</button></form>");
        }).orElseGet(RecipientPagesController::notFound);
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
        boolean fr = french(page.get());
        return html(HttpStatus.OK, page.get(), fr ? "Désinscription enregistrée" : "You are unsubscribed",
                "<p id=\"done\">" + (fr ? "C’est fait : vous ne recevrez plus ces messages de " : "Done: you will no longer "
                        + "receive these messages from ") + escape(page.get().accountName()) + ".</p>");
    }

    /** A 1×1 transparent GIF. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @org.springframework.web.bind.annotation.RequestMapping(path = "/public/c/{token}",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.HEAD})
    ResponseEntity<String> click(@PathVariable String token, jakarta.servlet.http.HttpServletRequest request) {
        return redirect(pages.click(token, request.getMethod(), userAgent(request)));
    }

    /** 302 to the exact destination, never cached nor told where it came from; 404 for a link that does not verify. */
    private static ResponseEntity<String> redirect(java.util.Optional<String> destination) {
        return destination.map(url -> ResponseEntity.status(HttpStatus.FOUND).header("Location", url)
                        .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").<String>build())
                .orElseGet(RecipientPagesController::notFound);
    }

    @org.springframework.web.bind.annotation.RequestMapping(path = "/s/{code}",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.HEAD})
    ResponseEntity<String> shortClick(@PathVariable String code, jakarta.servlet.http.HttpServletRequest request) {
        return redirect(pages.shortClick(code, request.getMethod(), userAgent(request)));
    }

    @org.springframework.web.bind.annotation.RequestMapping(path = "/public/o/{token}",
            method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.HEAD})
    ResponseEntity<byte[]> open(@PathVariable String token, jakarta.servlet.http.HttpServletRequest request) {
        pages.open(token, request.getMethod(), userAgent(request));
        // the image answers whatever the token, so a mail client never shows a broken picture
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).header("Cache-Control", "no-store, private").body(PIXEL);
    }

    private static String userAgent(jakarta.servlet.http.HttpServletRequest request) {
        String ua = request.getHeader("User-Agent");
        return ua == null ? "" : ua;
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
        boolean fr = french(page);
        StringBuilder form = new StringBuilder("<form method=\"post\">");
        page.consents().forEach((type, accepted) -> form.append("<p><label><input type=\"checkbox\" name=\"")
                .append(type.name()).append("\" id=\"").append(type.name()).append("\"").append(accepted ? " checked" : "")
                .append("> ").append(escape(fr ? "Recevoir les messages « " + typeName(type, fr) + " »"
                        : "Receive " + typeName(type, fr) + " messages")).append("</label></p>"));
        form.append("<p>").append(fr ? "Les messages juridiques (contrat, prélèvements) restent envoyés."
                : "Legal messages (contract, direct debits) are still sent.").append("</p>");
        form.append("<button type=\"submit\" id=\"save\">").append(fr ? "Enregistrer" : "Save").append("</button></form>");
        if (saved) {
            form.insert(0, "<p id=\"saved\">" + (fr ? "Vos préférences sont enregistrées." : "Your preferences are saved.")
                    + "</p>");
        }
        return html(HttpStatus.OK, page, fr ? "Vos préférences" : "Your preferences", form.toString());
    }

    private static boolean french(RecipientPage page) {
        return !"en".equals(page.locale().getLanguage());
    }

    private static String typeName(BroadcastType type, boolean fr) {
        return switch (type) {
            case LEGAL -> fr ? "juridiques" : "legal";
            case INFORMATIVE -> fr ? "d’information" : "informative";
            case MARKETING -> fr ? "promotionnels" : "promotional";
        };
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static ResponseEntity<String> html(HttpStatus status, RecipientPage page, String title, String body) {
        String lang = french(page) ? "fr" : "en";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body("<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                        + " · " + escape(page.accountName()) + "</title><style>body{font-family:Arial,sans-serif;max-width:560px;"
                        + "margin:40px auto;padding:0 16px;color:#1f2937}h1{font-size:22px}button{background:#1d4ed8;color:#fff;"
                        + "border:0;border-radius:6px;padding:10px 16px;font-size:15px}</style></head><body><p><strong>"
                        + escape(page.accountName()) + "</strong></p><h1>" + escape(title) + "</h1>" + body + "</body></html>");
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("This link is not valid (anymore).");
    }
}
