package io.portevoix.audience.adapter.files;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.portevoix.audience.application.port.TabularFiles;
import io.portevoix.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.stereotype.Component;

/**
 * CSV as French back-offices and Excel write it: UTF-8 with or without BOM, or Windows-1252
 * (anything that is not valid UTF-8); {@code ;}, {@code ,} or tab separators, detected on the
 * header line; quoted fields holding separators and line breaks; blank records skipped. XLSX:
 * the first sheet, date cells written as ISO dates.
 */
@Component
class SpreadsheetFiles implements TabularFiles {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Enough of the file to hold its header line, where the separator is detected. */
    private static final int HEADER_BYTES = 64 * 1024;

    @Override
    public Shape shape(String fileName, byte[] content) {
        return isXlsx(fileName, content) ? xlsx(content, row -> { }, true) : csv(content, row -> { }, true);
    }

    @Override
    public Shape read(String fileName, byte[] content, Consumer<TabularFiles.Row> rows) {
        return isXlsx(fileName, content) ? xlsx(content, rows, false) : csv(content, rows, false);
    }

    private static boolean isXlsx(String fileName, byte[] content) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || (content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4);
    }

    /**
     * Streams the file: the bytes are checked as UTF-8 and then decoded while FastCSV reads them,
     * so a 200 MB file never stands in memory a second time as text.
     */
    private static Shape csv(byte[] content, Consumer<TabularFiles.Row> rows, boolean headerOnly) {
        int offset = 0;
        String encoding;
        Charset charset;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            offset = 3;
            encoding = "UTF-8 (BOM)";
            charset = StandardCharsets.UTF_8;
        } else if (isUtf8(content)) {
            encoding = "UTF-8";
            charset = StandardCharsets.UTF_8;
        } else {
            encoding = "Windows-1252";
            charset = WINDOWS_1252;
        }
        char separator = separator(new String(content, offset, Math.min(content.length - offset, HEADER_BYTES), charset));
        List<String> headers = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
                        charset))) {
            for (CsvRecord record : reader) {
                if (headers.isEmpty()) {
                    record.getFields().forEach(h -> headers.add(h.strip()));
                    if (headerOnly) {
                        break;
                    }
                    continue;
                }
                if (record.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.accept(new TabularFiles.Row(record.getStartingLineNumber(), record.getFields()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw InvalidInputException.of("file", "The CSV file cannot be read: " + e.getMessage());
        }
        return new Shape(headers, encoding, separator == '\t' ? "tab" : String.valueOf(separator));
    }

    /** Whether the bytes are valid UTF-8, decoded through a small buffer. */
    private static boolean isUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out.clear(), true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    /** The separator that splits the header line the most, outside quotes. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    private static Shape xlsx(byte[] content, Consumer<TabularFiles.Row> rows, boolean headerOnly) {
        List<String> headers = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var stream = sheet.openStream()) {
                var iterator = stream.iterator();
                while (iterator.hasNext()) {
                    org.dhatim.fastexcel.reader.Row row = iterator.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(cell(row, i));
                    }
                    if (headers.isEmpty()) {
                        cells.forEach(h -> headers.add(h.strip()));
                        if (headerOnly) {
                            break;
                        }
                        continue;
                    }
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    rows.accept(new TabularFiles.Row(row.getRowNum(), cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("file", "The XLSX file cannot be read: " + e.getMessage());
        }
        return new Shape(headers, "XLSX", "");
    }

    private static String cell(org.dhatim.fastexcel.reader.Row row, int index) {
        if (!row.hasCell(index) || row.getCell(index) == null) {
            return "";
        }
        var cell = row.getCell(index);
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER && cell.getDataFormatString() != null
                && looksLikeDate(cell.getDataFormatString())) {
            LocalDateTime date = cell.asDate();
            return date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? date.toLocalDate().toString()
                    : date.toString();
        }
        String text = row.getCellText(index);
        return text == null ? "" : text;
    }

    private static boolean looksLikeDate(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return (f.contains("d") || f.contains("y")) && !f.contains("#");
    }
}
