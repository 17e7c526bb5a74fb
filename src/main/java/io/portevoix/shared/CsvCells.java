package io.portevoix.shared;

import org.jspecify.annotations.Nullable;

/** Cells of the CSV files people open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell a spreadsheet will not run: text starting like a formula ({@code = + - @}, tab, CR) gets a leading apostrophe. */
    public static String neutralised(@Nullable String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A neutralised cell, quoted for a {@code ;}-separated file. */
    public static String quoted(@Nullable String value) {
        return "\"" + neutralised(value).replace("\"", "\"\"") + "\"";
    }
}
