package io.portevoix.templates.adapter.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The e-mail corpora under {@code src/test/resources/templates/}. */
final class Fixtures {

    private Fixtures() {
    }

    /** The names of the {@code .html} files of {@code folder}, sorted. */
    static List<String> names(String folder) {
        try (Stream<Path> files = Files.list(folder(folder))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String folder, String name) {
        try {
            return Files.readString(folder(folder).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the sibling of {@code html} with {@code extension}, without blank lines and {@code #} comments. */
    static List<String> sibling(String folder, String html, String extension) {
        return read(folder, html.replaceFirst("\\.html$", extension)).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static Path folder(String folder) {
        URL url = Objects.requireNonNull(Fixtures.class.getClassLoader().getResource("templates/" + folder), folder);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
