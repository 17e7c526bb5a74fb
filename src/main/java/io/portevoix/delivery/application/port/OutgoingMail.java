package io.portevoix.delivery.application.port;

import io.portevoix.shared.EmailAddress;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message to hand to a mail server: always multipart/alternative (text and HTML), with a
 * stable {@code Message-ID} when the sender gives one (so a resend is recognisable), a reply-to
 * address when there is one, and extra headers ({@code Feedback-ID}, …).
 */
public record OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text,
        String html, @Nullable String messageId, @Nullable EmailAddress replyTo, Map<String, String> headers) {

    public OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text, String html) {
        this(from, fromName, to, subject, text, html, null, null, Map.of());
    }

    public OutgoingMail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        headers = Map.copyOf(headers);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A message needs a subject");
        }
    }
}
