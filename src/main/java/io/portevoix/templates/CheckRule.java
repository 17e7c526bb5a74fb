package io.portevoix.templates;

/** The accessibility and deliverability rules of the check panel. */
public enum CheckRule {
    /** An {@code <img>} without an {@code alt} attribute (an empty {@code alt=""} marks a decorative image and is fine). */
    IMAGE_WITHOUT_ALT,
    /** The document has no {@code lang} attribute on {@code <html>}. */
    MISSING_LANG,
    /** A link whose text says nothing of its destination ("cliquez ici", "ici", "click here", "lire la suite", …). */
    VAGUE_LINK_TEXT,
    /** Text whose colour contrasts with its background below WCAG AA (4.5:1, or 3:1 for large text). */
    LOW_CONTRAST,
    /** A link that goes nowhere ({@code href="#"} or empty), typically a starter's button not filled in yet. */
    PLACEHOLDER_LINK,
    /** A marketing e-mail without an unsubscribe link ({@code {{ unsubscribeUrl }}}). */
    MISSING_UNSUBSCRIBE,
    /** Images but (almost) no text: spam filters and readers with images off see nothing. */
    IMAGE_ONLY,
    /** Over Gmail's ~102 KB limit: the end of the message (with its footer) is clipped. */
    CLIPPED_BY_GMAIL
}
