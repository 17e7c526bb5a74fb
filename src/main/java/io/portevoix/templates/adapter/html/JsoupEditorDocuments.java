package io.portevoix.templates.adapter.html;

import io.portevoix.templates.EditableEmail;
import io.portevoix.templates.application.port.EditorDocuments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/** Written with {@link HtmlWriter}, so that merge tags survive the round trip as the sanitiser's output does. */
@Component
final class JsoupEditorDocuments implements EditorDocuments {

    @Override
    public EditableEmail split(String html, String projectData) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        String css = document.head().select("style").stream().map(Element::data).collect(Collectors.joining("\n"));
        return new EditableEmail(HtmlWriter.write(document.body()), css, projectData == null || projectData.isBlank() ? null : projectData);
    }

    private static final Pattern PIXELS = Pattern.compile("(?:^|;)\\s*(width|height)\\s*:\\s*(\\d{1,4})(?:\\.\\d+)?px", Pattern.CASE_INSENSITIVE);

    @Override
    public String finishBody(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        document.outputSettings().prettyPrint(false);
        for (Element image : document.body().select("img")) {
            Matcher size = PIXELS.matcher(image.attr("style"));
            while (size.find()) {
                String dimension = size.group(1).toLowerCase(java.util.Locale.ROOT);
                if (!image.hasAttr(dimension)) {
                    image.attr(dimension, size.group(2));
                }
            }
            if (!image.hasAttr("border")) {
                image.attr("border", "0");
            }
        }
        return HtmlWriter.write(document.body());
    }
}
