package io.portevoix.tenancy.domain;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SocialLinks;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;
import org.jspecify.annotations.Nullable;

/**
 * A tenant: a club, an association, or a network headquarters whose children are accounts too.
 * Its settings are always valid: a known time zone, a supported locale, a two-letter phone region
 * and, when given, a valid default sender address.
 */
@AggregateRoot
public final class Account {

    public static final Set<String> SUPPORTED_LOCALES = Set.of("fr", "en");
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    @Identity
    private final AccountId id;
    private final @Nullable AccountId parentId;
    private final Instant createdAt;
    private Settings settings;
    private Instant updatedAt;

    /** Everything about an account its administrators can change. */
    public record Settings(String name, String legalName, PostalAddress address, ZoneId timeZone, Locale locale,
            String phoneRegion, String defaultSenderName, String defaultSenderEmail, SocialLinks social) {

        public Settings {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An account needs a name");
            }
            name = name.strip();
            if (name.length() > 200) {
                throw new IllegalArgumentException("An account name has at most 200 characters");
            }
            legalName = legalName == null ? "" : legalName.strip();
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(timeZone, "time zone");
            Objects.requireNonNull(social, "social links");
            if (locale == null || !SUPPORTED_LOCALES.contains(locale.getLanguage())) {
                throw new IllegalArgumentException("Supported languages are French and English");
            }
            locale = Locale.of(locale.getLanguage());
            phoneRegion = phoneRegion == null ? "" : phoneRegion.strip().toUpperCase(Locale.ROOT);
            if (!phoneRegion.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("The phone region is a two-letter country code, e.g. FR");
            }
            defaultSenderName = defaultSenderName == null ? "" : defaultSenderName.strip();
            defaultSenderEmail = defaultSenderEmail == null ? "" : defaultSenderEmail.strip();
            if (!defaultSenderEmail.isEmpty() && !EmailAddress.isValid(defaultSenderEmail)) {
                throw new IllegalArgumentException("Invalid default sender address: " + defaultSenderEmail);
            }
        }

        public static Settings defaults(String name) {
            return new Settings(name, "", PostalAddress.EMPTY, DEFAULT_ZONE, Locale.FRENCH, "FR", "", "",
                    SocialLinks.NONE);
        }

        public static ZoneId zone(String id) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("Unknown time zone: " + id, e);
            }
        }
    }

    private Account(AccountId id, @Nullable AccountId parentId, Settings settings, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.parentId = parentId;
        this.settings = settings;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static Account open(String name, @Nullable AccountId parentId, Instant now) {
        return new Account(AccountId.random(), parentId, Settings.defaults(name), now, now);
    }

    public static Account restore(AccountId id, @Nullable AccountId parentId, Settings settings, Instant createdAt,
            Instant updatedAt) {
        return new Account(id, parentId, settings, createdAt, updatedAt);
    }

    public void changeSettings(Settings newSettings, Instant now) {
        this.settings = Objects.requireNonNull(newSettings);
        this.updatedAt = now;
    }

    public AccountId id() {
        return id;
    }

    public @Nullable AccountId parentId() {
        return parentId;
    }

    public Settings settings() {
        return settings;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
