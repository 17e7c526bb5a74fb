package io.portevoix.delivery.application.port;

import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The mailbox bounces, complaints and mailto unsubscribes arrive in. */
public interface BounceMailbox {

    /** What one mail in the box is. */
    enum Kind {
        /** A permanent failure (5.x.x, or a plain-text bounce saying so). */
        HARD,
        /** A temporary failure the sender gave up on (4.x.x, mailbox full). */
        SOFT,
        /** A feedback-loop report (ARF, RFC 5965) of a member marking the message as spam. */
        COMPLAINT,
        /** Anything else: an out-of-office, a delay warning, a person writing, a message to the unsubscribe address. */
        OTHER
    }

    /**
     * One mail read and understood: its own Message-ID (or a digest of it when it has none), what it
     * is, the recipient it reports on, the reason (diagnostic), the Message-ID of our original
     * message when the report quotes it, and every address it was sent to (our tagged
     * sub-addresses are among them).
     */
    record Mail(String reportId, Kind kind, String recipient, String reason, @Nullable String originalMessageId,
            List<String> sentTo) {

        public Mail {
            sentTo = List.copyOf(sentTo);
            reason = reason.length() > 1_000 ? reason.substring(0, 1_000) : reason;
        }
    }

    boolean configured();

    /**
     * Reads up to {@code limit} unseen mails, oldest first, and gives each to {@code handler}: a mail it
     * took (true) is deleted; one it did not (false) stays, flagged for a person, and is not read
     * again; one it failed on (an exception) stays unseen and is read at the next poll. Returns how
     * many were read.
     */
    int read(int limit, Predicate<Mail> handler);
}
