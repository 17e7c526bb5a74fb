package io.portevoix.templates;

import org.jspecify.annotations.Nullable;

/**
 * What an e-mail template says: subject and preheader (with merge tags), the full HTML document
 * and, when it was built in the editor, the editor's project data (JSON) to reopen it as it was.
 */
public record EmailContent(String subject, String preheader, String html, @Nullable String editorProject) {

    public static final EmailContent EMPTY = new EmailContent("", "", "", null);

    public EmailContent {
        subject = subject == null ? "" : subject.strip();
        preheader = preheader == null ? "" : preheader.strip();
        html = html == null ? "" : html;
        if (subject.length() > 500) {
            throw new IllegalArgumentException("A subject has at most 500 characters");
        }
        if (preheader.length() > 500) {
            throw new IllegalArgumentException("A preheader has at most 500 characters");
        }
    }
}
