package io.portevoix.audience.domain;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactStatus;
import io.portevoix.audience.CsvFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The columns of contact exports and of the result grid, named like the fields of the criteria
 * grammar (so an exported file imports back as it is), and how each value is written.
 */
public final class ContactColumns {

    public static final List<String> ALL;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static {
        List<String> columns = new ArrayList<>(List.of("lastName", "firstName", "civility", "email", "mobile",
                "externalRef", "birthDate", "status", "primary", "site", "tags", "subscription.name",
                "subscription.startDate", "subscription.endDate", "booklet.name", "booklet.sessionsLeft",
                "booklet.expiresOn", "createdAt", "lastVisitAt", "visitCount"));
        for (Channel channel : Channel.values()) {
            for (BroadcastType type : List.of(BroadcastType.INFORMATIVE, BroadcastType.MARKETING)) {
                columns.add("consent." + channel + "." + type);
            }
        }
        ALL = List.copyOf(columns);
    }

    private ContactColumns() {
    }

    /** The given columns, checked: an unknown one → IllegalArgumentException naming it. */
    public static List<String> checked(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one column");
        }
        for (String column : columns) {
            if (!ALL.contains(column) && !(column.startsWith("attributes.") && column.length() > 11)) {
                throw new IllegalArgumentException("Unknown column: " + column);
            }
        }
        return List.copyOf(columns);
    }

    public static String value(ContactDetails c, String column, CsvFormat format, ZoneId zone) {
        boolean french = format == CsvFormat.EXCEL_FR;
        if (column.startsWith("attributes.")) {
            Object value = c.attributes().get(column.substring("attributes.".length()));
            return value == null ? "" : String.valueOf(value);
        }
        if (column.startsWith("consent.")) {
            String[] parts = column.split("\\.");
            return yesNo(c.consents().allows(Channel.valueOf(parts[1]), BroadcastType.valueOf(parts[2])), french);
        }
        return switch (column) {
            case "lastName" -> text(c.lastName());
            case "firstName" -> text(c.firstName());
            case "civility" -> text(c.civility());
            case "email" -> text(c.email());
            case "mobile" -> text(c.mobile());
            case "externalRef" -> text(c.externalRef());
            case "birthDate" -> date(c.birthDate(), french);
            case "status" -> french ? frenchStatus(c.status()) : c.status().name();
            case "primary" -> yesNo(c.primary(), french);
            case "site" -> text(c.site());
            case "tags" -> String.join(", ", c.tags());
            case "subscription.name" -> text(c.subscriptionName());
            case "subscription.startDate" -> date(c.subscriptionStart(), french);
            case "subscription.endDate" -> date(c.subscriptionEnd(), french);
            case "booklet.name" -> text(c.bookletName());
            case "booklet.sessionsLeft" -> c.bookletSessionsLeft() == null ? "" : c.bookletSessionsLeft().toString();
            case "booklet.expiresOn" -> date(c.bookletExpiresOn(), french);
            case "createdAt" -> date(c.createdAt(), french, zone);
            case "lastVisitAt" -> date(c.lastVisitAt(), french, zone);
            case "visitCount" -> c.visitCount() == null ? "" : c.visitCount().toString();
            default -> throw new IllegalArgumentException("Unknown column: " + column);
        };
    }

    /** A cell a spreadsheet will not run: text starting like a formula gets a leading apostrophe. */
    public static String neutralised(@Nullable String value) {
        return io.portevoix.shared.CsvCells.neutralised(value);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String yesNo(boolean value, boolean french) {
        return french ? (value ? "Oui" : "Non") : String.valueOf(value);
    }

    private static String frenchStatus(ContactStatus status) {
        return switch (status) {
            case PROSPECT -> "Prospect";
            case CLIENT -> "Client";
            case FORMER_CLIENT -> "Ancien client";
        };
    }

    private static String date(@Nullable LocalDate date, boolean french) {
        return date == null ? "" : french ? FRENCH_DATE.format(date) : date.toString();
    }

    private static String date(@Nullable Instant instant, boolean french, ZoneId zone) {
        return instant == null ? "" : date(instant.atZone(zone).toLocalDate(), french);
    }
}
