package io.portevoix.audience.domain;

import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The criteria grammar of API.md, shared by the API, stored segments and the UI builder:
 * {@code {"match":"ALL"|"ANY","rules":[rule|criteria, …]}} with {@code {"field","op","value"}} rules.
 * Parsing checks every field and that every operator fits its field's type, reporting all
 * problems at once with their path.
 */
public sealed interface Criteria {

    /** ALL (and) or ANY (or) of the nested criteria. */
    record Group(boolean all, List<Criteria> rules) implements Criteria {
    }

    /** One condition on one field. */
    record Rule(String field, Type type, String op, @Nullable Object value) implements Criteria {
    }

    /** The kinds of fields, which decide the operators. */
    enum Type {
        TEXT, STATUS, DATE, BIRTH_DATE, INSTANT, NUMBER, BOOLEAN, TAGS,
        /** A campaign (its id): received or not. */
        CAMPAIGN
    }

    Map<String, Type> FIELDS = Map.ofEntries(
            Map.entry("email", Type.TEXT), Map.entry("mobile", Type.TEXT), Map.entry("civility", Type.TEXT),
            Map.entry("firstName", Type.TEXT), Map.entry("lastName", Type.TEXT), Map.entry("site", Type.TEXT),
            Map.entry("externalRef", Type.TEXT), Map.entry("subscription.name", Type.TEXT),
            Map.entry("booklet.name", Type.TEXT), Map.entry("status", Type.STATUS),
            Map.entry("birthDate", Type.BIRTH_DATE), Map.entry("subscription.startDate", Type.DATE),
            Map.entry("subscription.endDate", Type.DATE), Map.entry("booklet.expiresOn", Type.DATE),
            Map.entry("createdAt", Type.INSTANT), Map.entry("lastVisitAt", Type.INSTANT), Map.entry("age", Type.NUMBER),
            Map.entry("booklet.sessionsLeft", Type.NUMBER), Map.entry("visitCount", Type.NUMBER),
            Map.entry("primary", Type.BOOLEAN), Map.entry("tags", Type.TAGS));

    Set<String> NO_VALUE = Set.of("isEmpty", "isNotEmpty", "isTrue", "isFalse");
    Set<String> DAYS = Set.of("inLastDays", "inNextDays", "moreThanDaysAgo", "birthdayInDays");

    Map<Type, Set<String>> OPS = Map.of(
            Type.TEXT, Set.of("eq", "neq", "in", "notIn", "contains", "startsWith", "isEmpty", "isNotEmpty"),
            Type.STATUS, Set.of("eq", "neq", "in", "notIn"),
            Type.DATE, Set.of("eq", "neq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty", "inLastDays",
                    "inNextDays", "moreThanDaysAgo"),
            Type.BIRTH_DATE, Set.of("eq", "neq", "gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty",
                    "birthdayInDays"),
            Type.INSTANT, Set.of("gt", "gte", "lt", "lte", "between", "isEmpty", "isNotEmpty", "inLastDays",
                    "moreThanDaysAgo"),
            Type.NUMBER, Set.of("eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "notIn", "isEmpty", "isNotEmpty"),
            Type.BOOLEAN, Set.of("isTrue", "isFalse"),
            Type.TAGS, Set.of("contains", "in", "notIn", "isEmpty", "isNotEmpty"),
            Type.CAMPAIGN, Set.of("eq", "neq", "in", "notIn"));

    Pattern ATTRIBUTE = Pattern.compile("attributes\\.[A-Za-z][A-Za-z0-9_]{0,63}");
    Pattern CONSENT = Pattern.compile("consent\\.(EMAIL|SMS)\\.(LEGAL|INFORMATIVE|MARKETING)");
    Set<String> BEHAVIOUR = Set.of("campaign.received", "campaign.opened", "campaign.clicked");

    /** Parses the JSON tree (maps, lists, strings, numbers, booleans) of a criteria document. */
    static Criteria parse(@Nullable Object tree) {
        return parse(tree, AttributeSchema.NONE);
    }

    /** Parses criteria where custom attributes have the types the account defined. */
    static Criteria parse(@Nullable Object tree, AttributeSchema attributes) {
        List<FieldError> errors = new ArrayList<>();
        Criteria criteria = parse(tree, "criteria", errors, 0, attributes);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return criteria;
    }

    private static Criteria parse(@Nullable Object tree, String path, List<FieldError> errors, int depth,
            AttributeSchema attributes) {
        if (!(tree instanceof Map<?, ?> node)) {
            errors.add(new FieldError(path, "Must be an object: {\"match\",\"rules\"} or {\"field\",\"op\",\"value\"}"));
            return new Group(true, List.of());
        }
        if (depth > 10) {
            errors.add(new FieldError(path, "Criteria nest at most 10 levels deep"));
            return new Group(true, List.of());
        }
        if (node.containsKey("rules") || node.containsKey("match")) {
            Object match = node.get("match");
            String matchText = match == null ? "ALL" : match.toString().toUpperCase(Locale.ROOT);
            if (!matchText.equals("ALL") && !matchText.equals("ANY")) {
                errors.add(new FieldError(path + ".match", "Must be ALL or ANY"));
            }
            List<Criteria> rules = new ArrayList<>();
            if (!(node.get("rules") instanceof List<?> list)) {
                errors.add(new FieldError(path + ".rules", "Must be a list of rules or criteria"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    rules.add(parse(list.get(i), path + ".rules[" + i + "]", errors, depth + 1, attributes));
                }
            }
            return new Group(!matchText.equals("ANY"), rules);
        }
        String field = String.valueOf(node.get("field"));
        String op = String.valueOf(node.get("op"));
        Object value = node.get("value");
        Type type = type(field, attributes);
        if (type == null) {
            errors.add(new FieldError(path + ".field", BEHAVIOUR.contains(field)
                    ? field + " is not available"
                    : "Unknown field: " + field));
            return new Rule(field, Type.TEXT, op, value);
        }
        if (!OPS.get(type).contains(op)) {
            errors.add(new FieldError(path + ".op", "The operator " + op + " does not fit the field " + field
                    + " (use one of " + String.join(", ", OPS.get(type).stream().sorted().toList()) + ")"));
        } else {
            checkValue(type, op, value, path + ".value", errors);
        }
        return new Rule(field, type, op, value);
    }

    static @Nullable Type type(String field, AttributeSchema attributes) {
        if (FIELDS.containsKey(field)) {
            return FIELDS.get(field);
        }
        if (ATTRIBUTE.matcher(field).matches()) {
            return attributes.criteriaType(field.substring("attributes.".length()));
        }
        if (CONSENT.matcher(field).matches()) {
            return Type.BOOLEAN;
        }
        if (BEHAVIOUR.contains(field)) {
            return Type.CAMPAIGN;
        }
        return null;
    }

    private static void checkValue(Type type, String op, @Nullable Object value, String path, List<FieldError> errors) {
        if (NO_VALUE.contains(op)) {
            return;
        }
        if (DAYS.contains(op)) {
            if (!(value instanceof Number n) || n.intValue() < 0 || n.intValue() > 36_600) {
                errors.add(new FieldError(path, "Must be a number of days"));
            }
            return;
        }
        if (op.equals("between")) {
            if (!(value instanceof List<?> list) || list.size() != 2) {
                errors.add(new FieldError(path, "between takes [from, to]"));
            } else {
                list.forEach(v -> checkScalar(type, v, path, errors));
            }
            return;
        }
        if (op.equals("in") || op.equals("notIn")) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                errors.add(new FieldError(path, op + " takes a non-empty list"));
            } else {
                list.forEach(v -> checkScalar(type == Type.TAGS ? Type.TEXT : type, v, path, errors));
            }
            return;
        }
        checkScalar(type == Type.TAGS ? Type.TEXT : type, value, path, errors);
    }

    private static void checkScalar(Type type, @Nullable Object value, String path, List<FieldError> errors) {
        switch (type) {
            case NUMBER -> {
                if (!(value instanceof Number)) {
                    errors.add(new FieldError(path, "Must be a number"));
                }
            }
            case DATE, BIRTH_DATE -> {
                try {
                    java.time.LocalDate.parse(String.valueOf(value));
                } catch (RuntimeException e) {
                    errors.add(new FieldError(path, "Must be a date YYYY-MM-DD"));
                }
            }
            case INSTANT -> {
                try {
                    java.time.OffsetDateTime.parse(String.valueOf(value));
                } catch (RuntimeException e) {
                    try {
                        java.time.LocalDate.parse(String.valueOf(value));
                    } catch (RuntimeException notADate) {
                        errors.add(new FieldError(path, "Must be an instant (ISO-8601 with offset) or a date"));
                    }
                }
            }
            case CAMPAIGN -> {
                try {
                    java.util.UUID.fromString(String.valueOf(value));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(path, "Must be a campaign id"));
                }
            }
            case STATUS -> {
                if (value == null || io.portevoix.audience.ContactStatus.parse(value.toString()).isEmpty()) {
                    errors.add(new FieldError(path, "Must be PROSPECT, CLIENT or FORMER_CLIENT"));
                }
            }
            default -> {
                if (!(value instanceof String) && !(value instanceof Number)) {
                    errors.add(new FieldError(path, "Must be a text"));
                }
            }
        }
    }
}
