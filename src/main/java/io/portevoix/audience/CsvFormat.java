package io.portevoix.audience;

/**
 * How contact exports are written. Cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) are prefixed with an apostrophe in both formats.
 */
public enum CsvFormat {
    /** What Excel in French opens by double-click: UTF-8 with BOM, {@code ;}, dates DD/MM/YYYY, Oui/Non, French statuses. */
    EXCEL_FR,
    /** RFC 4180 for other software: UTF-8 without BOM, {@code ,}, ISO dates, true/false, status names. */
    RFC_4180
}
