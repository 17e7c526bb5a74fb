package io.portevoix.templates.application;

import io.portevoix.templates.EmailContent;
import io.portevoix.templates.TemplateStart;
import io.portevoix.templates.domain.EmailDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The layout starters shipped with the application ({@code templates/starters/*.html} on the classpath). */
@Component
class Starters {

    private final TemplatesSettings settings;

    Starters(TemplatesSettings settings) {
        this.settings = settings;
    }

    EmailContent email(TemplateStart.Starter starter, Locale locale) {
        String file = switch (starter) {
            case SIMPLE_MESSAGE -> "simple-message.html";
            case TWO_COLUMNS -> "two-columns.html";
            case TWO_COLUMNS_WITH_IMAGE -> "two-columns-image.html";
        };
        String html = read("templates/starters/" + file).replace("%PUBLIC_URL%", settings.publicUrl());
        boolean french = !"en".equals(locale.getLanguage());
        return new EmailContent(french ? "Des nouvelles de {{ account.name }}" : "News from {{ account.name }}", "",
                html, null);
    }

    EmailContent blank(Locale locale) {
        String body = "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
                + "<tr><td align=\"center\" style=\"padding:24px 12px\"><table role=\"presentation\" width=\"600\" "
                + "cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff\">"
                + "<tr><td style=\"padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#1f2937\">"
                + "</td></tr></table></td></tr></table>";
        return new EmailContent("", "", EmailDocument.document(locale.getLanguage(), body, ""), null);
    }

    private static String read(String resource) {
        try (InputStream in = Starters.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing starter " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
