package io.portevoix.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A bounce or complaint a provider reports by webhook: the address it concerns, the type, the
 * provider's reason, our {@code Message-ID} of the message ({@code <m<id>.<run>@host>}), and
 * {@code reportId}, the provider's id of the report when it gives one (the same report sent twice
 * counts once).
 */
public record ReportedBounce(String email, BounceType type, String reason, String messageId, String reportId, Instant at) {

    public ReportedBounce {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        email = email == null ? "" : email.strip();
        reason = reason == null ? "" : reason.strip();
        reason = reason.length() > 1_000 ? reason.substring(0, 1_000) : reason;
        messageId = messageId == null ? "" : messageId.strip();
        reportId = reportId == null ? "" : reportId.strip();
    }
}
