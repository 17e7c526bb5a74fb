package io.portevoix.audience.application.port;

import java.util.List;
import java.util.function.Consumer;

/** Reads spreadsheets people export: CSV in every usual encoding and separator, and XLSX. */
public interface TabularFiles {

    /** One data record: the line it starts on (quoted fields may span lines) and its cells. */
    record Row(long line, List<String> cells) {
    }

    /** How a file was read. */
    record Shape(List<String> headers, String encoding, String separator) {
    }

    /** Reads only how the file is made: its encoding, separator and header. */
    Shape shape(String fileName, byte[] content);

    /** Reads the header and hands every non-blank data record to {@code rows}; throws IllegalArgumentException when unreadable. */
    Shape read(String fileName, byte[] content, Consumer<Row> rows);
}
