package io.portevoix.audience;

/**
 * A problem with one record of an imported file: the line where the record starts, the column
 * and value concerned (empty when the whole record is), and why.
 */
public record ImportIssue(long line, String column, String value, String reason) {
}
