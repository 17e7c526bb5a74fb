package io.portevoix.templates.application.port;

import io.portevoix.templates.EditableEmail;

/** Splits a stored e-mail document into what the editor loads. */
public interface EditorDocuments {

    /** The body's inner HTML (comments such as Outlook's conditional ones kept) and the CSS of the head's {@code <style>} blocks. */
    EditableEmail split(String html, String projectData);

    /**
     * The editor's body made e-mail-safe where the editor leaves gaps: images get explicit
     * {@code width}/{@code height} attributes from their pixel styles (Outlook ignores CSS sizes)
     * and {@code border="0"}.
     */
    String finishBody(String bodyHtml);
}
