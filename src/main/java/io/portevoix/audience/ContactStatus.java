package io.portevoix.audience;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Where a member stands with the club. */
public enum ContactStatus {
    PROSPECT, CLIENT, FORMER_CLIENT;

    /** Reads the enum name or the French label ({@code Prospect}, {@code Client}, {@code Ancien client}), ignoring case and spaces. */
    public static Optional<ContactStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // imports read this on every line, with few distinct spellings: each is folded once
        Optional<ContactStatus> known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        Optional<ContactStatus> parsed = fold(text);
        if (PARSED.size() < 1_000) {
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static final java.util.Map<String, Optional<ContactStatus>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s-]+");

    private static Optional<ContactStatus> fold(String text) {
        String key = SPACES.matcher(MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("")
                .toUpperCase(Locale.ROOT)).replaceAll("_");
        return switch (key) {
            case "PROSPECT" -> Optional.of(PROSPECT);
            case "CLIENT", "ADHERENT", "MEMBRE" -> Optional.of(CLIENT);
            case "FORMER_CLIENT", "ANCIEN_CLIENT", "ANCIEN_ADHERENT", "ANCIEN_MEMBRE" -> Optional.of(FORMER_CLIENT);
            default -> Optional.empty();
        };
    }
}
