package io.portevoix.templates;

/**
 * One of the account's branding blocks for the editor: {@code kind} is {@code logo},
 * {@code header-banner}, {@code footer-banner}, {@code social} or {@code legal-footer}.
 */
public record BrandingBlock(String kind, String html) {
}
