package io.portevoix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every UI string exists in French and English, and every key the code asks for exists. */
class TranslationBundlesTests {

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = TranslationBundlesTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(bundle("translations_en.properties").keySet())
                .containsExactlyInAnyOrderElementsOf(bundle("translations_fr.properties").keySet());
    }

    @Test
    void everyLiteralKeyUsedInTheCodeIsTranslated() throws IOException {
        Properties french = bundle("translations_fr.properties");
        Pattern literal = Pattern.compile("(?:getTranslation|title = )\\(?\"([a-zA-Z][a-zA-Z0-9.]*[a-zA-Z0-9])\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    assertThat(french).as("%s uses %s", source.getFileName(), matcher.group(1)).containsKey(matcher.group(1));
                }
            }
        }
    }

    @Test
    void frenchParameterisedMessagesKeepTheirApostrophes() throws IOException {
        bundle("translations_fr.properties").forEach((key, value) -> assertThat(value.toString())
                .as("%s uses a straight apostrophe, which MessageFormat would swallow", key).doesNotContain("'"));
    }
}
