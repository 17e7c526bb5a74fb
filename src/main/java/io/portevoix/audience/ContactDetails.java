package io.portevoix.audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything about one contact, as its page and the API show it. */
public record ContactDetails(ContactId id, @Nullable String email, @Nullable String mobile, @Nullable String externalRef,
        @Nullable String civility, @Nullable String firstName, @Nullable String lastName, @Nullable LocalDate birthDate,
        ContactStatus status, boolean primary, @Nullable String site, @Nullable String subscriptionName,
        @Nullable LocalDate subscriptionStart, @Nullable LocalDate subscriptionEnd, @Nullable String bookletName,
        @Nullable Integer bookletSessionsLeft, @Nullable LocalDate bookletExpiresOn, @Nullable Instant lastVisitAt,
        @Nullable Integer visitCount, List<String> tags, Map<String, Object> attributes, Consents consents,
        Instant createdAt, Instant updatedAt) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? (email != null ? email : mobile != null ? mobile : id.toString()) : name;
    }
}
