package io.portevoix.templates;

/**
 * One finding of the check panel. {@code selector} is a CSS selector of the offending element
 * relative to {@code <body>} (empty when the finding is about the whole document), so the editor
 * can select that block; {@code detail} is a short excerpt (the link text, the image source, the colours).
 */
public record CheckFinding(CheckRule rule, String selector, String detail) {
}
