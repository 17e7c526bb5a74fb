package io.portevoix.delivery.application.port;

import io.portevoix.shared.EmailAddress;
import java.util.Objects;

/** One message to hand to a mail server: always multipart/alternative (text and HTML). */
public record OutgoingMail(EmailAddress from, String fromName, EmailAddress to, String subject, String text,
        String html) {

    public OutgoingMail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A message needs a subject");
        }
    }
}
