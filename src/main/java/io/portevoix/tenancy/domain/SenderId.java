package io.portevoix.tenancy.domain;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.SenderIdId;
import io.portevoix.tenancy.SenderIdStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;
import org.jspecify.annotations.Nullable;

/**
 * An alphanumeric SMS sender ID an account asked for. Its value follows the GSM rules for
 * alphanumeric originators: 3 to 11 characters, ASCII letters and digits only (operators reject
 * accented letters, spaces and punctuation in an alphanumeric sender), at least one letter (an
 * all-digit sender would be taken for a phone number). A platform administrator approves or
 * refuses a request once; the account may withdraw it, before or after approval. The fee, in euro
 * cents, is fixed when it is requested.
 */
@AggregateRoot
public final class SenderId {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 11;
    public static final int MAX_COMMENT = 1000;
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern LETTER = Pattern.compile(".*[A-Za-z].*");

    @Identity
    private final SenderIdId id;
    private final AccountId accountId;
    private final String value;
    private final long feeCents;
    private final String requestedBy;
    private final Instant requestedAt;
    private SenderIdStatus status;
    private @Nullable String decidedBy;
    private @Nullable Instant decidedAt;
    private String decisionComment;

    private SenderId(SenderIdId id, AccountId accountId, String value, SenderIdStatus status, long feeCents,
            String requestedBy, Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
            String decisionComment) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.value = value;
        this.status = Objects.requireNonNull(status, "status");
        this.feeCents = feeCents;
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionComment = decisionComment;
    }

    /**
     * The value as it will be sent, stripped of surrounding spaces; {@link InvalidInputException}
     * (field {@code value}) when it breaks a rule.
     */
    public static String requireValidValue(@Nullable String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw InvalidInputException.of("value", "A sender ID has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (!ALPHANUMERIC.matcher(value).matches()) {
            throw InvalidInputException.of("value",
                    "A sender ID has unaccented letters (A to Z) and digits only: no spaces, accents or punctuation");
        }
        if (!LETTER.matcher(value).matches()) {
            throw InvalidInputException.of("value", "A sender ID has at least one letter");
        }
        return value;
    }

    public static SenderId request(AccountId account, String value, long feeCents, String by, Instant at) {
        if (feeCents < 0) {
            throw new IllegalArgumentException("A fee cannot be negative");
        }
        return new SenderId(SenderIdId.random(), account, requireValidValue(value), SenderIdStatus.REQUESTED, feeCents,
                by, at, null, null, "");
    }

    /** Rebuilds a stored sender ID. */
    public static SenderId restore(SenderIdId id, AccountId account, String value, SenderIdStatus status, long feeCents,
            String requestedBy, Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
            String decisionComment) {
        return new SenderId(id, account, value, status, feeCents, requestedBy, requestedAt, decidedBy, decidedAt,
                decisionComment);
    }

    public void approve(String by, @Nullable String comment, Instant at) {
        decide(SenderIdStatus.APPROVED, by, comment, at);
    }

    public void refuse(String by, @Nullable String comment, Instant at) {
        decide(SenderIdStatus.REFUSED, by, comment, at);
    }

    private void decide(SenderIdStatus decision, String by, @Nullable String comment, Instant at) {
        if (status != SenderIdStatus.REQUESTED) {
            throw new IllegalStateException("This sender ID was already decided (" + status.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        String clean = comment == null ? "" : comment.strip();
        if (clean.length() > MAX_COMMENT) {
            throw InvalidInputException.of("comment", "A comment has at most 1,000 characters");
        }
        status = decision;
        decidedBy = Objects.requireNonNull(by, "by");
        decidedAt = Objects.requireNonNull(at, "at");
        decisionComment = clean;
    }

    /** The account gives the sender ID up; it can no longer be used to send. */
    public void withdraw() {
        if (!status.live()) {
            throw new IllegalStateException("Only a requested or approved sender ID can be withdrawn");
        }
        status = SenderIdStatus.WITHDRAWN;
    }

    public SenderIdId id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public String value() {
        return value;
    }

    public SenderIdStatus status() {
        return status;
    }

    public long feeCents() {
        return feeCents;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public @Nullable String decidedBy() {
        return decidedBy;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public String decisionComment() {
        return decisionComment;
    }
}
