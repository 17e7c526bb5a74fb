package io.portevoix.templates;

/** Where a new template starts from. */
public sealed interface TemplateStart {

    /** An empty template. */
    record Blank() implements TemplateStart {
    }

    /** One of the layout starters ({@link Starter}). */
    record FromStarter(Starter starter) implements TemplateStart {
    }

    /** A copy of an existing template of the account. */
    record CopyOf(TemplateId source) implements TemplateStart {
    }

    /** An HTML file the user uploaded; it is sanitised and the user is told what was removed. */
    record ImportedHtml(String fileName, String html) implements TemplateStart {
    }

    /** Content given in full (the REST API); the HTML is sanitised. */
    record WithContent(EmailContent email, String smsText) implements TemplateStart {
    }

    /** The layout starters every account has. */
    enum Starter {
        SIMPLE_MESSAGE, TWO_COLUMNS, TWO_COLUMNS_WITH_IMAGE
    }
}
