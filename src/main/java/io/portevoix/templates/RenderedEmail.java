package io.portevoix.templates;

/** One e-mail personalised for one recipient: subject, preheader, HTML and the plain-text alternative. */
public record RenderedEmail(String subject, String preheader, String html, String text) {
}
