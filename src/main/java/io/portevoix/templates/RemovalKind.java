package io.portevoix.templates;

/** What the sanitiser removed from imported HTML, so the user can be told. */
public enum RemovalKind {
    /** {@code <script>} elements. */
    SCRIPT,
    /** {@code <iframe>}, {@code <frame>}, {@code <frameset>}, {@code <object>}, {@code <embed>}, {@code <applet>}. */
    EMBEDDED_CONTENT,
    /** {@code <form>} and its controls ({@code input}, {@code button}, {@code select}, {@code textarea}, …). */
    FORM,
    /** {@code on…} event-handler attributes. */
    EVENT_HANDLER,
    /** {@code javascript:}, {@code vbscript:} or other non-web URL schemes. */
    SCRIPT_URL,
    /** {@code data:} URLs (images belong in the image library). */
    DATA_URL,
    /** CSS that runs code or loads outside resources: {@code expression()}, {@code behavior}, {@code -moz-binding}, {@code @import}, script URLs in {@code url()}. */
    CSS_EXPRESSION,
    /** Inline {@code <svg>} and {@code <math>} (script vectors, unsupported by most mail clients). */
    SVG,
    /** {@code <meta http-equiv>}, {@code <base>}, {@code <link>} and other document-level elements. */
    DOCUMENT_ELEMENT,
    /** Any other element outside the e-mail allow-list (kept as its text where it has any). */
    OTHER_ELEMENT
}
