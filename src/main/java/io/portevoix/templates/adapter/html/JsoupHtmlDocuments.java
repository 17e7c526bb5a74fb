package io.portevoix.templates.adapter.html;

import io.portevoix.templates.CheckFinding;
import io.portevoix.templates.SanitizedHtml;
import io.portevoix.templates.application.port.HtmlDocuments;
import java.util.List;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

@Component
final class JsoupHtmlDocuments implements HtmlDocuments {

    private final EmailSanitizer sanitizer = new EmailSanitizer();
    private final EmailChecks checks = new EmailChecks();

    @Override
    public SanitizedHtml sanitize(String html) {
        return sanitizer.sanitize(html);
    }

    @Override
    public String plainText(String html) {
        return PlainText.of(Jsoup.parse(html).body(), true);
    }

    @Override
    public List<CheckFinding> check(String html, boolean requiresUnsubscribe) {
        return checks.check(html, requiresUnsubscribe);
    }
}
