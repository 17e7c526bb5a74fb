package io.portevoix.audience.application;

import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.audience.domain.AttributeSchema;
import io.portevoix.audience.domain.ContactChanges;
import io.portevoix.shared.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * How inputs apply to the contacts of one account, with what that needs resolved once: the
 * account's uniqueness key, its phone region and the sites named so far (a new site name creates
 * the site), and the custom attribute definitions. The one-contact path and imports both go through it and differ only in how they read
 * and write rows. Safe to share between an import's reading and writing threads.
 */
final class ContactUpserts {

    private final UniquenessKey key;
    private final String phoneRegion;
    private final UnaryOperator<String> ensureSite;
    private final Map<String, String> sites = new ConcurrentHashMap<>();
    private final AttributeSchema attributes;

    ContactUpserts(UniquenessKey key, String phoneRegion, UnaryOperator<String> ensureSite, AttributeSchema attributes) {
        this.attributes = attributes;
        this.key = key;
        this.phoneRegion = phoneRegion;
        this.ensureSite = ensureSite;
    }

    /** The input as a new contact: validated and normalised; every invalid field reported at once. */
    ContactChanges.Result create(ContactInput input, Instant now) {
        return ContactChanges.apply(null, input, phoneRegion, site(input), now, attributes);
    }

    /** The input applied to a stored contact (or to the state an earlier line of the same batch left). */
    ContactChanges.Result update(ContactDetails current, ContactInput input, Instant now) {
        return ContactChanges.apply(current, input, phoneRegion, site(input), now, attributes);
    }

    /** The value of the uniqueness key for the contact, as the unique index holds it; null when it has none. */
    @Nullable String keyOf(ContactChanges.Result result) {
        return ContactChanges.uniqueKey(result.contact(), key);
    }

    String requireKey(ContactChanges.Result result) {
        String uniqueKey = keyOf(result);
        if (uniqueKey == null) {
            throw InvalidInputException.of(keyField(), "Required: it is the account's uniqueness key");
        }
        return uniqueKey;
    }

    /** The key field's name, as in errors. */
    String keyField() {
        return ContactChanges.keyField(key);
    }

    private @Nullable String site(ContactInput input) {
        if (!input.has(ContactField.SITE) || input.site() == null || input.site().isBlank()) {
            return null;
        }
        String name = input.site().strip();
        if (name.length() > 200) {
            throw InvalidInputException.of("site", "A site name has at most 200 characters");
        }
        return sites.computeIfAbsent(name.toLowerCase(Locale.ROOT), lower -> ensureSite.apply(name));
    }
}
