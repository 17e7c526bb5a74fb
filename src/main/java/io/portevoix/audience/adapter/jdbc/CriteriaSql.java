package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.ContactStatus;
import io.portevoix.audience.domain.Criteria;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles {@link Criteria} to one SQL condition on {@code audience.contact}, with named
 * parameters: evaluation happens in PostgreSQL in one query, never contact by contact in Java.
 * Text comparisons ignore case and surrounding spaces; "today" is the account's today.
 */
final class CriteriaSql {

    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    private final Map<String, Object> params;
    private final LocalDate today;
    private final ZoneId zone;
    private int next;

    CriteriaSql(Map<String, Object> params, LocalDate today, ZoneId zone) {
        this.params = params;
        this.today = today;
        this.zone = zone;
    }

    String where(Criteria criteria) {
        if (criteria instanceof Criteria.Group group) {
            if (group.rules().isEmpty()) {
                return group.all() ? "true" : "false";
            }
            return group.rules().stream().map(this::where).collect(Collectors.joining(group.all() ? " and " : " or ", "(", ")"));
        }
        return rule((Criteria.Rule) criteria);
    }

    private String param(Object value) {
        String name = "c" + next++;
        params.put(name, value);
        return ":" + name;
    }

    /**
     * A custom attribute as SQL of its criteria type: values that do not fit the type (stored
     * before the definition existed) count as empty rather than failing the query.
     */
    private static String attribute(String field, Criteria.Type type) {
        String key = field.substring("attributes.".length()).replace("'", "");
        return switch (type) {
            case NUMBER -> "(case when jsonb_typeof(attributes -> '" + key + "') = 'number' then (attributes ->> '"
                    + key + "')::numeric end)";
            case DATE -> "(case when (attributes ->> '" + key + "') ~ '^\\d{4}-\\d{2}-\\d{2}$' then (attributes ->> '"
                    + key + "')::date end)";
            case BOOLEAN -> "(attributes -> '" + key + "' = 'true'::jsonb)";
            default -> "(attributes ->> '" + key + "')";
        };
    }

    private static String column(String field) {
        if (field.startsWith("consent.")) {
            String[] parts = field.split("\\.");
            return switch (parts[2]) {
                case "LEGAL" -> "true";
                case "INFORMATIVE" -> parts[1].equals("EMAIL") ? "email_informative" : "sms_informative";
                default -> parts[1].equals("EMAIL") ? "email_marketing" : "sms_marketing";
            };
        }
        return switch (field) {
            case "firstName" -> "first_name";
            case "lastName" -> "last_name";
            case "site" -> "site_name";
            case "externalRef" -> "external_ref";
            case "subscription.name" -> "subscription_name";
            case "booklet.name" -> "booklet_name";
            case "birthDate" -> "birth_date";
            case "subscription.startDate" -> "subscription_start";
            case "subscription.endDate" -> "subscription_end";
            case "booklet.expiresOn" -> "booklet_expires_on";
            case "createdAt" -> "created_at";
            case "lastVisitAt" -> "last_visit_at";
            case "booklet.sessionsLeft" -> "booklet_sessions_left";
            case "visitCount" -> "visit_count";
            case "primary" -> "is_primary";
            default -> field;
        };
    }

    private String rule(Criteria.Rule rule) {
        if (rule.field().equals("age")) {
            String range = ageRange(rule.op(), rule.value());
            if (range != null) {
                return range;
            }
        }
        String column = rule.field().equals("age") ? "date_part('year', age(" + param(Date.valueOf(today)) + ", birth_date))"
                : rule.field().startsWith("attributes.") ? attribute(rule.field(), rule.type()) : column(rule.field());
        Object value = rule.value();
        return switch (rule.type()) {
            case TEXT -> text(column, rule.op(), value);
            case STATUS -> status(column, rule.op(), value);
            case DATE, BIRTH_DATE -> date(column, rule.op(), value);
            case INSTANT -> instant(column, rule.op(), value);
            case NUMBER -> number(column, rule.op(), value);
            case BOOLEAN -> rule.op().equals("isTrue") ? "coalesce(" + column + ", false)" : "not coalesce(" + column + ", false)";
            case TAGS -> tags(column, rule.op(), value);
            case CAMPAIGN -> behaviour(rule.field(), rule.op(), value);
        };
    }

    /**
     * An age rule as a range of birth dates, so that PostgreSQL compares the column itself (an
     * index can serve it) instead of computing every contact's age: someone is at least {@code n}
     * years old when born on or before today minus n years (a 29 February birthday counts from
     * 1 March, as {@code age()} does). Null for what a range cannot say (in, neq, non-whole ages).
     */
    private @org.jspecify.annotations.Nullable String ageRange(String op, Object value) {
        List<?> values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
        int[] ages = new int[values.size()];
        for (int i = 0; i < ages.length; i++) {
            java.math.BigDecimal age = values.get(i) == null ? null : number(values.get(i));
            if (age == null || age.stripTrailingZeros().scale() > 0 || age.abs().compareTo(java.math.BigDecimal.valueOf(200)) > 0) {
                return null;
            }
            ages[i] = age.intValueExact();
        }
        return switch (op) {
            case "gte" -> atLeast(ages[0]);
            case "gt" -> atLeast(ages[0] + 1);
            case "lte" -> atMost(ages[0]);
            case "lt" -> atMost(ages[0] - 1);
            case "eq" -> "(" + atLeast(ages[0]) + " and " + atMost(ages[0]) + ")";
            case "between" -> "(" + atLeast(ages[0]) + " and " + atMost(ages[1]) + ")";
            default -> null;
        };
    }

    private String atLeast(int age) {
        return "birth_date <= " + param(Date.valueOf(today.minusYears(age)));
    }

    private String atMost(int age) {
        return "birth_date > " + param(Date.valueOf(today.minusYears(age + 1L)));
    }

    private static String fold(Object value) {
        return String.valueOf(value).strip().toLowerCase(Locale.ROOT);
    }

    /** A value folded for a case-insensitive LIKE, its wildcards escaped. */
    static String like(Object value) {
        return fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String text(String column, String op, Object value) {
        String folded = "lower(trim(" + column + "))";
        return switch (op) {
            case "eq" -> folded + " = " + param(fold(value));
            case "neq" -> "coalesce(" + folded + ", '') <> " + param(fold(value));
            case "in" -> folded + " in (" + param(list(value).stream().map(CriteriaSql::fold).toList()) + ")";
            case "notIn" -> "coalesce(" + folded + ", '') not in (" + param(list(value).stream().map(CriteriaSql::fold).toList()) + ")";
            case "contains" -> folded + " like " + param("%" + like(value) + "%");
            case "startsWith" -> folded + " like " + param(like(value) + "%");
            case "isEmpty" -> "(" + column + " is null or trim(" + column + ") = '')";
            default -> "(" + column + " is not null and trim(" + column + ") <> '')";
        };
    }

    private String status(String column, String op, Object value) {
        return switch (op) {
            case "eq" -> column + " = " + param(statusName(value));
            case "neq" -> column + " <> " + param(statusName(value));
            case "in" -> column + " in (" + param(list(value).stream().map(CriteriaSql::statusName).toList()) + ")";
            default -> column + " not in (" + param(list(value).stream().map(CriteriaSql::statusName).toList()) + ")";
        };
    }

    private static String statusName(Object value) {
        return ContactStatus.parse(String.valueOf(value)).orElseThrow().name();
    }

    private String date(String column, String op, Object value) {
        return switch (op) {
            case "eq" -> column + " = " + param(date(value));
            case "neq" -> "(" + column + " is null or " + column + " <> " + param(date(value)) + ")";
            case "gt" -> column + " > " + param(date(value));
            case "gte" -> column + " >= " + param(date(value));
            case "lt" -> column + " < " + param(date(value));
            case "lte" -> column + " <= " + param(date(value));
            case "between" -> column + " between " + param(date(list(value).get(0))) + " and " + param(date(list(value).get(1)));
            case "isEmpty" -> column + " is null";
            case "isNotEmpty" -> column + " is not null";
            case "inLastDays" -> column + " between " + param(Date.valueOf(today.minusDays(days(value)))) + " and "
                    + param(Date.valueOf(today));
            case "inNextDays" -> column + " between " + param(Date.valueOf(today)) + " and "
                    + param(Date.valueOf(today.plusDays(days(value))));
            case "moreThanDaysAgo" -> column + " < " + param(Date.valueOf(today.minusDays(days(value))));
            default -> birthday(column, days(value));
        };
    }

    /** Birthdays (month and day) from today to today + days, across the new year if need be. */
    private String birthday(String column, int days) {
        if (days >= 365) {
            return column + " is not null";
        }
        String from = today.format(MMDD);
        String to = today.plusDays(days).format(MMDD);
        String mmdd = "to_char(" + column + ", 'MMDD')";
        return from.compareTo(to) <= 0 ? mmdd + " between " + param(from) + " and " + param(to)
                : "(" + mmdd + " >= " + param(from) + " or " + mmdd + " <= " + param(to) + ")";
    }

    private String instant(String column, String op, Object value) {
        return switch (op) {
            case "gt" -> column + " > " + param(instant(value));
            case "gte" -> column + " >= " + param(instant(value));
            case "lt" -> column + " < " + param(instant(value));
            case "lte" -> column + " <= " + param(instant(value));
            case "between" -> column + " between " + param(instant(list(value).get(0))) + " and "
                    + param(instant(list(value).get(1)));
            case "isEmpty" -> column + " is null";
            case "isNotEmpty" -> column + " is not null";
            case "inLastDays" -> column + " >= " + param(Timestamp.from(today.minusDays(days(value)).atStartOfDay(zone).toInstant()));
            default -> column + " < " + param(Timestamp.from(today.minusDays(days(value)).atStartOfDay(zone).toInstant()));
        };
    }

    private String number(String column, String op, Object value) {
        return switch (op) {
            case "eq" -> column + " = " + param(number(value));
            case "neq" -> "(" + column + " is null or " + column + " <> " + param(number(value)) + ")";
            case "gt" -> column + " > " + param(number(value));
            case "gte" -> column + " >= " + param(number(value));
            case "lt" -> column + " < " + param(number(value));
            case "lte" -> column + " <= " + param(number(value));
            case "between" -> column + " between " + param(number(list(value).get(0))) + " and "
                    + param(number(list(value).get(1)));
            case "in" -> column + " in (" + param(list(value).stream().map(CriteriaSql::number).toList()) + ")";
            case "notIn" -> "(" + column + " is null or " + column + " not in ("
                    + param(list(value).stream().map(CriteriaSql::number).toList()) + "))";
            case "isEmpty" -> column + " is null";
            default -> column + " is not null";
        };
    }

    /**
     * Received, opened or clicked a campaign: the read-only views delivery and tracking publish for
     * behaviour criteria, the one read across schemas that DESIGN.md sanctions (people only: machine
     * opens and clicks are not in the view).
     */
    private String behaviour(String field, String op, Object value) {
        List<java.util.UUID> ids = (op.equals("in") || op.equals("notIn") ? list(value) : List.of(value)).stream()
                .map(v -> java.util.UUID.fromString(String.valueOf(v))).toList();
        String source = switch (field) {
            case "campaign.received" -> "delivery.received_message r where true";
            case "campaign.opened" -> "tracking.engagement r where r.kind = 'OPEN'";
            default -> "tracking.engagement r where r.kind = 'CLICK'";
        };
        String exists = "exists (select 1 from " + source + " and r.account_id = audience.contact.account_id"
                + " and r.contact_id = audience.contact.id and r.campaign_id in (" + param(ids) + "))";
        return op.equals("eq") || op.equals("in") ? exists : "not " + exists;
    }

    private String tags(String column, String op, Object value) {
        String any = "exists (select 1 from unnest(" + column + ") t where lower(trim(t)) in (%s))";
        return switch (op) {
            case "contains" -> any.formatted(param(List.of(fold(value))));
            case "in" -> any.formatted(param(list(value).stream().map(CriteriaSql::fold).toList()));
            case "notIn" -> "not " + any.formatted(param(list(value).stream().map(CriteriaSql::fold).toList()));
            case "isEmpty" -> "cardinality(" + column + ") = 0";
            default -> "cardinality(" + column + ") > 0";
        };
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }

    private static int days(Object value) {
        return ((Number) value).intValue();
    }

    private static Date date(Object value) {
        return Date.valueOf(LocalDate.parse(String.valueOf(value)));
    }

    private Timestamp instant(Object value) {
        String text = String.valueOf(value);
        try {
            return Timestamp.from(OffsetDateTime.parse(text).toInstant());
        } catch (RuntimeException e) {
            return Timestamp.from(LocalDate.parse(text).atStartOfDay(zone).toInstant());
        }
    }

    private static java.math.BigDecimal number(Object value) {
        return new java.math.BigDecimal(String.valueOf(value));
    }
}
