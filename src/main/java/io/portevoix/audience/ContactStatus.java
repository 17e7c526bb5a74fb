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
        String key = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return switch (key) {
            case "PROSPECT" -> Optional.of(PROSPECT);
            case "CLIENT", "ADHERENT", "MEMBRE" -> Optional.of(CLIENT);
            case "FORMER_CLIENT", "ANCIEN_CLIENT", "ANCIEN_ADHERENT", "ANCIEN_MEMBRE" -> Optional.of(FORMER_CLIENT);
            default -> Optional.empty();
        };
    }
}
