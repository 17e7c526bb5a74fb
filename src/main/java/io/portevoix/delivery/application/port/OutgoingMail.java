package io.portevoix.delivery.application.port;

import io.portevoix.shared.EmailAddress;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message to hand to a mail server: always multipart/alternative (text and HTML), with a
 * stable {@code Message-ID} when the sender gives one (so a resend is recognisable), a reply-to
 * address when there is one, extra headers ({@code Feedback-ID}, …), the envelope sender
 * ({@code bounceTo}, the Return-Path bounces go to) when it is not the From address, and a DKIM
 * signature to apply when the From domain has a key.
 */
public record OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text,
        String html, @Nullable String messageId, @Nullable EmailAddress replyTo, Map<String, String> headers,
        @Nullable EmailAddress bounceTo, @Nullable DkimSigning dkim) {

    public OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text, String html) {
        this(from, fromName, to, subject, text, html, null, null, Map.of(), null, null);
    }

    public OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text, String html,
            @Nullable String messageId, @Nullable EmailAddress replyTo, Map<String, String> headers) {
        this(from, fromName, to, subject, text, html, messageId, replyTo, headers, null, null);
    }

    public OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text, String html,
            @Nullable String messageId, @Nullable EmailAddress replyTo, Map<String, String> headers,
            @Nullable EmailAddress bounceTo) {
        this(from, fromName, to, subject, text, html, messageId, replyTo, headers, bounceTo, null);
    }

    /** This message signed with {@code dkim} (or unsigned when empty). */
    public OutgoingMail signedWith(java.util.Optional<DkimSigning> dkim) {
        return new OutgoingMail(from, fromName, to, subject, text, html, messageId, replyTo, headers, bounceTo,
                dkim.orElse(null));
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
