package io.portevoix.audience.adapter.files;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.portevoix.audience.application.port.TabularFiles;
import io.portevoix.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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

    private static Shape csv(byte[] content, Consumer<TabularFiles.Row> rows, boolean headerOnly) {
        String encoding;
        String text;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            encoding = "UTF-8 (BOM)";
            text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                encoding = "UTF-8";
            } catch (CharacterCodingException e) {
                text = new String(content, WINDOWS_1252);
                encoding = "Windows-1252";
            }
        }
        char separator = separator(text);
        List<String> headers = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new StringReader(text))) {
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
