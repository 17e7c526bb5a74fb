package io.portevoix.audience.domain;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactStatus;
import io.portevoix.audience.Consents;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import io.portevoix.shared.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link ContactInput} to a contact (or to nothing, for a new one): every given field
 * is validated and normalised, every invalid one reported at once, absent ones left unchanged.
 */
public final class ContactChanges {

    public static final int MAX_TEXT = 1000;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * The new state, the consents that changed, and whether anything but the update time differs
     * from the state before (always true for a new contact).
     */
    public record Result(ContactDetails contact, List<ConsentToggle> consentChanges, boolean changed) {
    }

    /** One consent that changed. */
    public record ConsentToggle(Channel channel, BroadcastType type, boolean granted) {
    }

    private ContactChanges() {
    }

    public static Result apply(@Nullable ContactDetails current, ContactInput in, String phoneRegion,
            @Nullable String siteName, Instant now) {
        return apply(current, in, phoneRegion, siteName, now, AttributeSchema.NONE);
    }

    /** As above, with custom attributes checked and normalised by the account's definitions. */
    public static Result apply(@Nullable ContactDetails current, ContactInput in, String phoneRegion,
            @Nullable String siteName, Instant now, AttributeSchema schema) {
        List<FieldError> errors = new ArrayList<>();
        ContactDetails c = current != null ? current : new ContactDetails(ContactId.random(), null, null, null, null,
                null, null, null, ContactStatus.PROSPECT, true, null, null, null, null, null, null, null, null, null,
                List.of(), Map.of(), Consents.DEFAULTS, now, now);

        String email = c.email();
        if (in.has(ContactField.EMAIL)) {
            email = blankToNull(in.email());
            if (email != null) {
                if (!EmailAddress.isValid(email)) {
                    errors.add(new FieldError("email", "Invalid e-mail address: " + email));
                }
            }
        }
        String mobile = c.mobile();
        if (in.has(ContactField.MOBILE)) {
            String raw = blankToNull(in.mobile());
            mobile = null;
            if (raw != null) {
                mobile = PhoneNumber.parse(raw, phoneRegion).map(PhoneNumber::e164).orElse(null);
                if (mobile == null) {
                    errors.add(new FieldError("mobile", "Invalid phone number: " + raw));
                }
            }
        }
        String externalRef = in.has(ContactField.EXTERNAL_REF) ? text("externalRef", in.externalRef(), errors)
                : c.externalRef();
        String civility = in.has(ContactField.CIVILITY) ? text("civility", in.civility(), errors) : c.civility();
        String firstName = in.has(ContactField.FIRST_NAME) ? text("firstName", in.firstName(), errors) : c.firstName();
        String lastName = in.has(ContactField.LAST_NAME) ? text("lastName", in.lastName(), errors) : c.lastName();
        LocalDate birthDate = in.has(ContactField.BIRTH_DATE) ? date("birthDate", in.birthDate(), errors)
                : c.birthDate();
        if (birthDate != null && birthDate.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            errors.add(new FieldError("birthDate", "A birth date cannot be in the future"));
        }
        ContactStatus status = c.status();
        if (in.has(ContactField.STATUS) && in.status() != null) {
            status = ContactStatus.parse(in.status()).orElse(null);
            if (status == null) {
                errors.add(new FieldError("status", "Unknown status: " + in.status()
                        + " (PROSPECT, CLIENT or FORMER_CLIENT)"));
                status = c.status();
            }
        }
        boolean primary = in.has(ContactField.PRIMARY) && in.primary() != null ? in.primary() : c.primary();
        String site = in.has(ContactField.SITE) ? siteName : c.site();
        String subscriptionName = in.has(ContactField.SUBSCRIPTION_NAME)
                ? text("subscription.name", in.subscriptionName(), errors) : c.subscriptionName();
        LocalDate subscriptionStart = in.has(ContactField.SUBSCRIPTION_START)
                ? date("subscription.startDate", in.subscriptionStart(), errors) : c.subscriptionStart();
        LocalDate subscriptionEnd = in.has(ContactField.SUBSCRIPTION_END)
                ? date("subscription.endDate", in.subscriptionEnd(), errors) : c.subscriptionEnd();
        String bookletName = in.has(ContactField.BOOKLET_NAME) ? text("booklet.name", in.bookletName(), errors)
                : c.bookletName();
        Integer sessionsLeft = in.has(ContactField.BOOKLET_SESSIONS_LEFT)
                ? nonNegative("booklet.sessionsLeft", in.bookletSessionsLeft(), errors) : c.bookletSessionsLeft();
        LocalDate bookletExpiresOn = in.has(ContactField.BOOKLET_EXPIRES_ON)
                ? date("booklet.expiresOn", in.bookletExpiresOn(), errors) : c.bookletExpiresOn();
        Instant lastVisitAt = in.has(ContactField.LAST_VISIT_AT) ? instant("lastVisitAt", in.lastVisitAt(), errors)
                : c.lastVisitAt();
        Integer visitCount = in.has(ContactField.VISIT_COUNT) ? nonNegative("visitCount", in.visitCount(), errors)
                : c.visitCount();
        List<String> tags = c.tags();
        if (in.has(ContactField.TAGS)) {
            tags = new ArrayList<>();
            for (String tag : in.tags() == null ? List.<String>of() : in.tags()) {
                String clean = tag == null ? "" : tag.strip();
                if (clean.isEmpty() || clean.length() > 100) {
                    errors.add(new FieldError("tags", "A tag has 1 to 100 characters"));
                } else if (!tags.contains(clean)) {
                    tags.add(clean);
                }
            }
        }
        Map<String, Object> attributes = c.attributes();
        if (in.has(ContactField.ATTRIBUTES)) {
            attributes = new LinkedHashMap<>(c.attributes());
            for (var entry : (in.attributes() == null ? Map.<String, Object>of() : in.attributes()).entrySet()) {
                if (!AttributeSchema.KEY.matcher(entry.getKey()).matches()) {
                    errors.add(new FieldError("attributes." + entry.getKey(),
                            "An attribute key is a letter then letters, digits or _ (64 at most)"));
                } else if (entry.getValue() == null || String.valueOf(entry.getValue()).isBlank()) {
                    attributes.remove(entry.getKey());
                } else if (String.valueOf(entry.getValue()).length() > MAX_TEXT) {
                    errors.add(new FieldError("attributes." + entry.getKey(), "At most 1,000 characters"));
                } else {
                    try {
                        attributes.put(entry.getKey(), schema.normalise(entry.getKey(), entry.getValue()));
                    } catch (IllegalArgumentException invalid) {
                        errors.add(new FieldError("attributes." + entry.getKey(), invalid.getMessage()));
                    }
                }
            }
        }
        Consents consents = c.consents();
        List<ConsentToggle> toggles = new ArrayList<>();
        if (in.has(ContactField.CONSENTS) && in.consents() != null) {
            for (var channel : in.consents().entrySet()) {
                for (var type : channel.getValue().entrySet()) {
                    if (type.getKey() == BroadcastType.LEGAL || type.getValue() == null) {
                        continue;
                    }
                    boolean before = consents.allows(channel.getKey(), type.getKey());
                    if (current == null || before != type.getValue()) {
                        toggles.add(new ConsentToggle(channel.getKey(), type.getKey(), type.getValue()));
                    }
                    consents = consents.with(channel.getKey(), type.getKey(), type.getValue());
                }
            }
        }
        if (email == null && mobile == null && externalRef == null && errors.isEmpty()) {
            errors.add(new FieldError("email", "A contact needs an e-mail, a mobile or an external reference"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ContactDetails next = new ContactDetails(c.id(), email, mobile, externalRef, civility, firstName, lastName,
                birthDate, Objects.requireNonNull(status), primary, site, subscriptionName, subscriptionStart,
                subscriptionEnd, bookletName, sessionsLeft, bookletExpiresOn, lastVisitAt, visitCount, List.copyOf(tags),
                Map.copyOf(attributes), consents, c.createdAt(), now);
        return new Result(next, toggles, current == null || !next.equals(touched(current, now)));
    }

    private static ContactDetails touched(ContactDetails c, Instant at) {
        return new ContactDetails(c.id(), c.email(), c.mobile(), c.externalRef(), c.civility(), c.firstName(),
                c.lastName(), c.birthDate(), c.status(), c.primary(), c.site(), c.subscriptionName(),
                c.subscriptionStart(), c.subscriptionEnd(), c.bookletName(), c.bookletSessionsLeft(),
                c.bookletExpiresOn(), c.lastVisitAt(), c.visitCount(), c.tags(), c.attributes(), c.consents(),
                c.createdAt(), at);
    }

    /** The value of the account's uniqueness key for a contact, as stored for the unique index. */
    public static @Nullable String uniqueKey(ContactDetails contact, UniquenessKey key) {
        return switch (key) {
            case EMAIL -> contact.email() == null ? null : contact.email().toLowerCase(java.util.Locale.ROOT);
            case MOBILE -> contact.mobile();
            case EXTERNAL_REF -> contact.externalRef();
        };
    }

    /** The key field's name, for the error when it is missing. */
    public static String keyField(UniquenessKey key) {
        return switch (key) {
            case EMAIL -> "email";
            case MOBILE -> "mobile";
            case EXTERNAL_REF -> "externalRef";
        };
    }

    /** The contact field an API field name (as in errors) stands for, or null. */
    public static @Nullable ContactField fieldOf(String name) {
        return switch (name) {
            case "email" -> ContactField.EMAIL;
            case "mobile" -> ContactField.MOBILE;
            case "externalRef" -> ContactField.EXTERNAL_REF;
            case "civility" -> ContactField.CIVILITY;
            case "firstName" -> ContactField.FIRST_NAME;
            case "lastName" -> ContactField.LAST_NAME;
            case "birthDate" -> ContactField.BIRTH_DATE;
            case "status" -> ContactField.STATUS;
            case "site" -> ContactField.SITE;
            case "subscription.name" -> ContactField.SUBSCRIPTION_NAME;
            case "subscription.startDate" -> ContactField.SUBSCRIPTION_START;
            case "subscription.endDate" -> ContactField.SUBSCRIPTION_END;
            case "booklet.name" -> ContactField.BOOKLET_NAME;
            case "booklet.sessionsLeft" -> ContactField.BOOKLET_SESSIONS_LEFT;
            case "booklet.expiresOn" -> ContactField.BOOKLET_EXPIRES_ON;
            case "lastVisitAt" -> ContactField.LAST_VISIT_AT;
            case "visitCount" -> ContactField.VISIT_COUNT;
            case "tags" -> ContactField.TAGS;
            default -> name.startsWith("attributes.") ? ContactField.ATTRIBUTES : null;
        };
    }

    public static @Nullable LocalDate parseDate(@Nullable String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDate usual = usualDate(text);
            if (usual != null) {
                return usual;
            }
            return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid date (DD/MM/YYYY or YYYY-MM-DD): " + text, e);
        }
    }

    /**
     * The two shapes files nearly always hold, {@code DD/MM/YYYY} and {@code YYYY-MM-DD}, read
     * without the formatter (imports read millions of dates); null for any other shape, which the
     * formatters then read or reject. An impossible date (31/02) is rejected as they reject it.
     */
    private static @Nullable LocalDate usualDate(String text) {
        int day;
        int month;
        int year;
        if (text.length() != 10) {
            return null;
        }
        if (text.charAt(2) == '/' && text.charAt(5) == '/') {
            day = digits(text, 0, 2);
            month = digits(text, 3, 5);
            year = digits(text, 6, 10);
        } else if (text.charAt(4) == '-' && text.charAt(7) == '-') {
            year = digits(text, 0, 4);
            month = digits(text, 5, 7);
            day = digits(text, 8, 10);
        } else {
            return null;
        }
        if (day < 0 || month < 0 || year < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException impossible) {
            throw new DateTimeParseException(impossible.getMessage(), text, 0, impossible);
        }
    }

    /** The number the ASCII digits from {@code start} to {@code end} write, or -1. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String text(String field, @Nullable String value, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "At most 1,000 characters"));
        }
        return text;
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldError> errors) {
        try {
            return parseDate(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static @Nullable Instant instant(String field, @Nullable String value, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return parseDate(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (IllegalArgumentException notADate) {
                errors.add(new FieldError(field, "Invalid instant (ISO-8601 with offset): " + text));
                return null;
            }
        }
    }

    private static @Nullable Integer nonNegative(String field, @Nullable Integer value, List<FieldError> errors) {
        if (value != null && value < 0) {
            errors.add(new FieldError(field, "Must be zero or more"));
        }
        return value;
    }
}
