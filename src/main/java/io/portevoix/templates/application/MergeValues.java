package io.portevoix.templates.application;

import io.portevoix.audience.ContactDetails;
import io.portevoix.templates.RecipientLinks;
import io.portevoix.templates.application.port.MergeTemplateEngine;
import io.portevoix.templates.domain.MergeTags;
import io.portevoix.tenancy.AccountDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values merge tags print for one recipient, as the nested maps Liquid reads: dates in the
 * account's locale and time zone (whole numbers are printed in that locale by the engine), enums by name (so {@code {% if contact.status == "CLIENT" %}}
 * works), missing values absent (so {@code | default:} applies), and an HTML-escaped twin for HTML.
 */
final class MergeValues {

    private final AccountDetails account;
    private final DateTimeFormatter dates;
    private final ZoneId zone;
    private final Map<String, Object> accountValues;

    MergeValues(AccountDetails account) {
        this.account = account;
        this.zone = account.timeZone();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(account.locale());
        Map<String, Object> social = new HashMap<>();
        put(social, "facebook", account.social().facebook());
        put(social, "instagram", account.social().instagram());
        put(social, "x", account.social().x());
        put(social, "linkedin", account.social().linkedin());
        put(social, "youtube", account.social().youtube());
        put(social, "website", account.social().website());
        Map<String, Object> values = new HashMap<>();
        put(values, "name", account.name());
        put(values, "address", account.address().singleLine());
        values.put("social", social);
        this.accountValues = values;
    }

    AccountDetails account() {
        return account;
    }

    Locale locale() {
        return account.locale();
    }

    /** Plain values (subject, text, SMS). */
    Map<String, Object> of(ContactDetails contact, RecipientLinks links, LocalDate today) {
        Map<String, Object> root = new HashMap<>();
        root.put(MergeTemplateEngine.LOCALE, account.locale());
        root.put("contact", contact(contact, today));
        root.put("account", accountValues);
        root.put("unsubscribeUrl", links.unsubscribeUrl());
        root.put("preferencesUrl", links.preferencesUrl());
        root.put("webVersionUrl", links.webVersionUrl());
        return root;
    }

    /** The example values of the picker, for previews without a member. */
    Map<String, Object> examples(RecipientLinks links) {
        Map<String, Object> contact = new HashMap<>();
        MergeTags.CONTACT.forEach((path, example) -> {
            if (!path.contains(".")) {
                contact.put(path, example);
            }
        });
        contact.put("primary", true);
        contact.put("visitCount", 42L);
        contact.put("age", 38L);
        contact.put("subscription", Map.of("name", MergeTags.CONTACT.get("subscription.name"),
                "startDate", MergeTags.CONTACT.get("subscription.startDate"),
                "endDate", MergeTags.CONTACT.get("subscription.endDate")));
        contact.put("booklet", Map.of("name", MergeTags.CONTACT.get("booklet.name"), "sessionsLeft", 3L,
                "expiresOn", MergeTags.CONTACT.get("booklet.expiresOn")));
        contact.put("attributes", Map.of());
        Map<String, Object> root = new HashMap<>();
        root.put(MergeTemplateEngine.LOCALE, account.locale());
        root.put("contact", contact);
        root.put("account", accountValues);
        root.put("unsubscribeUrl", links.unsubscribeUrl());
        root.put("preferencesUrl", links.preferencesUrl());
        root.put("webVersionUrl", links.webVersionUrl());
        return root;
    }

    private Map<String, Object> contact(ContactDetails c, LocalDate today) {
        Map<String, Object> values = new HashMap<>();
        put(values, "email", c.email());
        put(values, "mobile", c.mobile());
        put(values, "externalRef", c.externalRef());
        put(values, "civility", c.civility());
        put(values, "firstName", c.firstName());
        put(values, "lastName", c.lastName());
        put(values, "birthDate", date(c.birthDate()));
        if (c.birthDate() != null && !c.birthDate().isAfter(today)) {
            values.put("age", (long) Period.between(c.birthDate(), today).getYears());
        }
        values.put("status", c.status().name());
        values.put("primary", c.primary());
        put(values, "site", c.site());
        if (!c.tags().isEmpty()) {
            values.put("tags", String.join(", ", c.tags()));
        }
        Map<String, Object> subscription = new HashMap<>();
        put(subscription, "name", c.subscriptionName());
        put(subscription, "startDate", date(c.subscriptionStart()));
        put(subscription, "endDate", date(c.subscriptionEnd()));
        values.put("subscription", subscription);
        Map<String, Object> booklet = new HashMap<>();
        put(booklet, "name", c.bookletName());
        if (c.bookletSessionsLeft() != null) {
            booklet.put("sessionsLeft", c.bookletSessionsLeft().longValue());
        }
        put(booklet, "expiresOn", date(c.bookletExpiresOn()));
        values.put("booklet", booklet);
        put(values, "createdAt", date(c.createdAt()));
        put(values, "lastVisitAt", date(c.lastVisitAt()));
        if (c.visitCount() != null) {
            values.put("visitCount", c.visitCount().longValue());
        }
        Map<String, Object> attributes = new HashMap<>();
        c.attributes().forEach((key, value) -> {
            if (value != null) {
                attributes.put(key, value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
            }
        });
        values.put("attributes", attributes);
        return values;
    }

    private @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : dates.format(date);
    }

    private @Nullable String date(@Nullable Instant instant) {
        return instant == null ? null : dates.format(instant.atZone(zone).toLocalDate());
    }

    private static void put(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** A deep copy whose strings are HTML-escaped, for rendering into HTML. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> escaped(Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>(values.size() * 2);
        values.forEach((key, value) -> {
            if (value instanceof String text) {
                copy.put(key, escape(text));
            } else if (value instanceof Map<?, ?> nested) {
                copy.put(key, escaped((Map<String, Object>) nested));
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
