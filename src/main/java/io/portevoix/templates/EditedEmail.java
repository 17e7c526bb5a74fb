package io.portevoix.templates;

import org.jspecify.annotations.Nullable;

/**
 * What the editor gives back: subject and preheader, the body HTML with CSS inlined, the editor's
 * CSS (only its {@code @media} rules are kept, inlined styles carry the rest) and its project data.
 */
public record EditedEmail(String subject, String preheader, String bodyHtml, String css, @Nullable String projectData) {
}
