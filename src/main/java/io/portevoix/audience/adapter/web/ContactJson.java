package io.portevoix.audience.adapter.web;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The API's contact document, both ways: requests are read field by field so that absent fields
 * stay absent (partial updates), responses use the same names and shapes.
 */
final class ContactJson {

    private ContactJson() {
    }

    /** The response document. */
    record ContactDocument(String id, @Nullable String email, @Nullable String mobile, @Nullable String externalRef,
            @Nullable String civility, @Nullable String firstName, @Nullable String lastName,
            @Nullable LocalDate birthDate, String status, boolean primary, @Nullable String site,
            Subscription subscription, Booklet booklet, @Nullable Instant lastVisitAt, @Nullable Integer visitCount,
            List<String> tags, Map<String, Object> attributes, Map<Channel, Map<BroadcastType, Boolean>> consents,
            Instant createdAt, Instant updatedAt) {
    }

    record Subscription(@Nullable String name, @Nullable LocalDate startDate, @Nullable LocalDate endDate) {
    }

    record Booklet(@Nullable String name, @Nullable Integer sessionsLeft, @Nullable LocalDate expiresOn) {
    }

    static ContactDocument document(ContactDetails c) {
        return new ContactDocument(c.id().toString(), c.email(), c.mobile(), c.externalRef(), c.civility(),
                c.firstName(), c.lastName(), c.birthDate(), c.status().name(), c.primary(), c.site(),
                new Subscription(c.subscriptionName(), c.subscriptionStart(), c.subscriptionEnd()),
                new Booklet(c.bookletName(), c.bookletSessionsLeft(), c.bookletExpiresOn()), c.lastVisitAt(),
                c.visitCount(), c.tags(), c.attributes(), c.consents().asMap(), c.createdAt(), c.updatedAt());
    }

    static ContactInput input(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "The body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        ContactInput.Builder in = ContactInput.builder();
        text(body, "email", ContactField.EMAIL, in, errors, "");
        text(body, "mobile", ContactField.MOBILE, in, errors, "");
        text(body, "externalRef", ContactField.EXTERNAL_REF, in, errors, "");
        text(body, "civility", ContactField.CIVILITY, in, errors, "");
        text(body, "firstName", ContactField.FIRST_NAME, in, errors, "");
        text(body, "lastName", ContactField.LAST_NAME, in, errors, "");
        text(body, "birthDate", ContactField.BIRTH_DATE, in, errors, "");
        text(body, "status", ContactField.STATUS, in, errors, "");
        text(body, "site", ContactField.SITE, in, errors, "");
        text(body, "lastVisitAt", ContactField.LAST_VISIT_AT, in, errors, "");
        integer(body, "visitCount", ContactField.VISIT_COUNT, in, errors, "");
        if (body.has("primary")) {
            JsonNode primary = body.get("primary");
            if (primary.isBoolean()) {
                in.set(ContactField.PRIMARY, primary.booleanValue());
            } else if (!primary.isNull()) {
                errors.add(new FieldError("primary", "Must be true or false"));
            }
        }
        JsonNode subscription = body.get("subscription");
        if (subscription != null && !subscription.isNull()) {
            if (!subscription.isObject()) {
                errors.add(new FieldError("subscription", "Must be an object {name, startDate, endDate}"));
            } else {
                text(subscription, "name", ContactField.SUBSCRIPTION_NAME, in, errors, "subscription.");
                text(subscription, "startDate", ContactField.SUBSCRIPTION_START, in, errors, "subscription.");
                text(subscription, "endDate", ContactField.SUBSCRIPTION_END, in, errors, "subscription.");
            }
        }
        JsonNode booklet = body.get("booklet");
        if (booklet != null && !booklet.isNull()) {
            if (!booklet.isObject()) {
                errors.add(new FieldError("booklet", "Must be an object {name, sessionsLeft, expiresOn}"));
            } else {
                text(booklet, "name", ContactField.BOOKLET_NAME, in, errors, "booklet.");
                integer(booklet, "sessionsLeft", ContactField.BOOKLET_SESSIONS_LEFT, in, errors, "booklet.");
                text(booklet, "expiresOn", ContactField.BOOKLET_EXPIRES_ON, in, errors, "booklet.");
            }
        }
        if (body.has("tags")) {
            JsonNode tags = body.get("tags");
            if (tags.isNull()) {
                in.set(ContactField.TAGS, List.of());
            } else if (!tags.isArray() || tags.values().stream().anyMatch(t -> !t.isString())) {
                errors.add(new FieldError("tags", "Must be an array of texts"));
            } else {
                in.set(ContactField.TAGS, tags.values().stream().map(JsonNode::stringValue).toList());
            }
        }
        if (body.has("attributes")) {
            JsonNode attributes = body.get("attributes");
            if (!attributes.isObject()) {
                errors.add(new FieldError("attributes", "Must be an object"));
            } else {
                Map<String, Object> values = new LinkedHashMap<>();
                for (var entry : attributes.properties()) {
                    JsonNode value = entry.getValue();
                    values.put(entry.getKey(), value.isNull() ? null : value.isBoolean() ? value.booleanValue()
                            : value.isNumber() ? value.numberValue() : value.isString() ? value.stringValue()
                            : value.toString());
                }
                in.set(ContactField.ATTRIBUTES, values);
            }
        }
        if (body.has("consents")) {
            JsonNode consents = body.get("consents");
            Map<Channel, Map<BroadcastType, Boolean>> map = new EnumMap<>(Channel.class);
            if (!consents.isObject()) {
                errors.add(new FieldError("consents", "Must be an object such as {\"EMAIL\":{\"MARKETING\":true}}"));
            } else {
                for (var channel : consents.properties()) {
                    Channel c = parse(Channel.class, channel.getKey());
                    if (c == null || !channel.getValue().isObject()) {
                        errors.add(new FieldError("consents." + channel.getKey(), "Unknown channel (EMAIL or SMS)"));
                        continue;
                    }
                    Map<BroadcastType, Boolean> types = new EnumMap<>(BroadcastType.class);
                    for (var type : channel.getValue().properties()) {
                        BroadcastType t = parse(BroadcastType.class, type.getKey());
                        if (t == null || !type.getValue().isBoolean()) {
                            errors.add(new FieldError("consents." + channel.getKey() + "." + type.getKey(),
                                    "Must be LEGAL, INFORMATIVE or MARKETING with true or false"));
                        } else {
                            types.put(t, type.getValue().booleanValue());
                        }
                    }
                    map.put(c, types);
                }
            }
            in.set(ContactField.CONSENTS, map);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return in.build();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void text(JsonNode node, String name, ContactField field, ContactInput.Builder in,
            List<FieldError> errors, String prefix) {
        if (!node.has(name)) {
            return;
        }
        JsonNode value = node.get(name);
        if (value.isNull()) {
            in.set(field, null);
        } else if (value.isString() || value.isNumber()) {
            in.set(field, value.asString());
        } else {
            errors.add(new FieldError(prefix + name, "Must be a text"));
        }
    }

    private static void integer(JsonNode node, String name, ContactField field, ContactInput.Builder in,
            List<FieldError> errors, String prefix) {
        if (!node.has(name)) {
            return;
        }
        JsonNode value = node.get(name);
        if (value.isNull()) {
            in.set(field, null);
        } else if (value.isIntegralNumber() && value.canConvertToInt()) {
            in.set(field, value.intValue());
        } else {
            errors.add(new FieldError(prefix + name, "Must be a whole number"));
        }
    }
}
