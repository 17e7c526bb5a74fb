package io.portevoix.audience;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A contact as a client sends it (API, form, import line): values as text, as people type them,
 * and the set of fields actually given. The service validates and normalises them (E.164 phone,
 * dates as ISO or {@code DD/MM/YYYY}, statuses in French or English) and reports every invalid
 * field at once.
 */
public record ContactInput(Set<ContactField> present, @Nullable String email, @Nullable String mobile,
        @Nullable String externalRef, @Nullable String civility, @Nullable String firstName, @Nullable String lastName,
        @Nullable String birthDate, @Nullable String status, @Nullable Boolean primary, @Nullable String site,
        @Nullable String subscriptionName, @Nullable String subscriptionStart, @Nullable String subscriptionEnd,
        @Nullable String bookletName, @Nullable Integer bookletSessionsLeft, @Nullable String bookletExpiresOn,
        @Nullable String lastVisitAt, @Nullable Integer visitCount, @Nullable List<String> tags,
        @Nullable Map<String, Object> attributes, @Nullable Map<Channel, Map<BroadcastType, Boolean>> consents) {

    public ContactInput {
        present = present.isEmpty() ? EnumSet.noneOf(ContactField.class) : EnumSet.copyOf(present);
    }

    public boolean has(ContactField field) {
        return present.contains(field);
    }

    /** A builder for code that fills a contact field by field (UI, demo data, imports). */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Set<ContactField> present = EnumSet.noneOf(ContactField.class);
        private final Object[] values = new Object[ContactField.values().length];

        public Builder set(ContactField field, @Nullable Object value) {
            present.add(field);
            values[field.ordinal()] = value;
            return this;
        }

        @SuppressWarnings("unchecked")
        public ContactInput build() {
            return new ContactInput(present, (String) v(ContactField.EMAIL), (String) v(ContactField.MOBILE),
                    (String) v(ContactField.EXTERNAL_REF), (String) v(ContactField.CIVILITY),
                    (String) v(ContactField.FIRST_NAME), (String) v(ContactField.LAST_NAME),
                    (String) v(ContactField.BIRTH_DATE), (String) v(ContactField.STATUS),
                    (Boolean) v(ContactField.PRIMARY), (String) v(ContactField.SITE),
                    (String) v(ContactField.SUBSCRIPTION_NAME), (String) v(ContactField.SUBSCRIPTION_START),
                    (String) v(ContactField.SUBSCRIPTION_END), (String) v(ContactField.BOOKLET_NAME),
                    (Integer) v(ContactField.BOOKLET_SESSIONS_LEFT), (String) v(ContactField.BOOKLET_EXPIRES_ON),
                    (String) v(ContactField.LAST_VISIT_AT), (Integer) v(ContactField.VISIT_COUNT),
                    (List<String>) v(ContactField.TAGS), (Map<String, Object>) v(ContactField.ATTRIBUTES),
                    (Map<Channel, Map<BroadcastType, Boolean>>) v(ContactField.CONSENTS));
        }

        private @Nullable Object v(ContactField field) {
            return values[field.ordinal()];
        }
    }
}
