package io.portevoix.audience.domain;

import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeType;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account's custom attribute definitions, and the rules that come with their types: a value
 * is checked and normalised before it is stored (a number as a JSON number, a date as
 * {@code YYYY-MM-DD}, yes/no as a boolean, a choice as the defined spelling), and criteria on a
 * typed attribute get the operators of its type. Keys without a definition hold free text.
 */
public final class AttributeSchema {

    public static final AttributeSchema NONE = new AttributeSchema(List.of());
    public static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_CHOICES = 200;

    private final Map<String, AttributeDefinition> byKey = new LinkedHashMap<>();

    public AttributeSchema(List<AttributeDefinition> definitions) {
        definitions.forEach(d -> byKey.put(d.key(), d));
    }

    public Optional<AttributeDefinition> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<AttributeDefinition> definitions() {
        return List.copyOf(byKey.values());
    }

    /** The criteria type of {@code attributes.<key>}: free text when the key has no definition. */
    public Criteria.Type criteriaType(String key) {
        AttributeDefinition definition = byKey.get(key);
        if (definition == null) {
            return Criteria.Type.TEXT;
        }
        return switch (definition.type()) {
            case NUMBER -> Criteria.Type.NUMBER;
            case DATE -> Criteria.Type.DATE;
            case BOOLEAN -> Criteria.Type.BOOLEAN;
            case TEXT, CHOICE -> Criteria.Type.TEXT;
        };
    }

    /**
     * The value as stored for this key, or an {@link IllegalArgumentException} saying why it does
     * not fit the type. Accepts what spreadsheets produce: {@code 12,5}, {@code 31/12/2026},
     * {@code Oui}/{@code Non}/{@code 1}/{@code 0}, a choice in any case.
     */
    public Object normalise(String key, Object value) {
        AttributeDefinition definition = byKey.get(key);
        String text = String.valueOf(value).strip();
        if (definition == null || definition.type() == AttributeType.TEXT) {
            return value instanceof String ? text : value;
        }
        return switch (definition.type()) {
            case NUMBER -> number(value, text);
            case DATE -> date(value, text);
            case BOOLEAN -> bool(value, text);
            case CHOICE -> definition.choices().stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Must be one of: " + String.join(", ", definition.choices())));
            case TEXT -> text;
        };
    }

    private static BigDecimal number(Object value, String text) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        try {
            return new BigDecimal(text.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.'))
                    .stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Must be a number");
        }
    }

    private static String date(Object value, String text) {
        try {
            return (text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text)).toString();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Must be a date (DD/MM/YYYY or YYYY-MM-DD)");
        }
    }

    private static Boolean bool(Object value, String text) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "oui", "o", "yes", "y", "true", "vrai", "1", "x" -> true;
            case "non", "n", "no", "false", "faux", "0" -> false;
            default -> throw new IllegalArgumentException("Must be yes or no (Oui/Non, 1/0, true/false)");
        };
    }

    /** Checks and cleans a definition typed in Settings, reporting every problem at once. */
    public static AttributeDefinition check(AttributeDefinition in) {
        List<FieldError> errors = new ArrayList<>();
        String key = in.key() == null ? "" : in.key().strip();
        if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError("key", "A key is a letter then letters, digits or _ (64 at most)"));
        }
        String label = in.label() == null ? "" : in.label().strip();
        if (label.isEmpty() || label.length() > 100) {
            errors.add(new FieldError("label", "A label has 1 to 100 characters"));
        }
        if (in.type() == null) {
            errors.add(new FieldError("type", "Choose a type"));
        }
        List<String> choices = new ArrayList<>();
        if (in.type() == AttributeType.CHOICE) {
            for (String choice : in.choices()) {
                String clean = choice == null ? "" : choice.strip();
                if (clean.length() > 100) {
                    errors.add(new FieldError("choices", "A choice has at most 100 characters"));
                } else if (!clean.isEmpty() && choices.stream().noneMatch(clean::equalsIgnoreCase)) {
                    choices.add(clean);
                }
            }
            if (choices.isEmpty() || choices.size() > MAX_CHOICES) {
                errors.add(new FieldError("choices", "A choice list has 1 to " + MAX_CHOICES + " values"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AttributeDefinition(key, label, in.type(), choices);
    }

    /** The operators of a field type, sorted, as the builder offers them. */
    public List<String> operators(String key) {
        return Criteria.OPS.get(criteriaType(key)).stream().sorted().toList();
    }
}
