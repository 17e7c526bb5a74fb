package io.portevoix.audience;

import java.util.List;
import java.util.Map;

/** The first records of a file as the wizard shows them, with the mapping guessed from the headers. */
public record ImportPreview(List<String> headers, List<List<String>> rows, int records, Map<String, String> guessedMapping,
        String encoding, String separator) {
}
