package io.portevoix.templates;

import org.jspecify.annotations.Nullable;

/** An e-mail as the editor opens it: the body's HTML, the head's CSS, and the project data when it has one. */
public record EditableEmail(String bodyHtml, String css, @Nullable String projectData) {
}
