package io.portevoix.templates;

import java.util.List;

/**
 * HTML after sanitising, with what was removed. {@code detail} names the element or attribute
 * (e.g. {@code "img onerror"}, {@code "a href=javascript:…"}); identical removals are listed once with their count.
 */
public record SanitizedHtml(String html, List<Removal> removals) {

    public SanitizedHtml {
        removals = List.copyOf(removals);
    }

    /** One kind of content removed, where, and how many times. */
    public record Removal(RemovalKind kind, String detail, int count) {
    }
}
