package io.portevoix.audience.application.port;

import io.portevoix.audience.ConsentChange;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactSummary;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.audience.domain.ContactBatch;
import io.portevoix.audience.domain.ContactChanges.ConsentToggle;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The contacts of an account (erased ones are never returned). */
public interface Contacts {

    /** A column contacts are looked up by. */
    enum LookUp { EMAIL, MOBILE, EXTERNAL_REF }

    Optional<ContactDetails> find(AccountId account, ContactId id);

    /** The live contacts among these ids, in no particular order. */
    List<ContactDetails> findAll(AccountId account, java.util.Collection<ContactId> ids);

    Optional<ContactDetails> findByUniqueKey(AccountId account, String uniqueKey);

    /** The contacts holding these uniqueness key values, by value (one query, for a batch of import lines). */
    Map<String, ContactDetails> findByUniqueKeys(AccountId account, Collection<String> uniqueKeys);

    List<ContactDetails> findBy(AccountId account, LookUp column, String value);

    /** Inserts or updates the whole row; a duplicate unique key raises Spring's DuplicateKeyException. */
    void save(AccountId account, ContactDetails contact, @Nullable String uniqueKey, boolean isNew);

    /**
     * Writes a batch in one statement: inserts the new contacts and updates the others on the
     * uniqueness key (at most one entry per key). A new contact whose key another transaction has
     * just taken updates that contact instead: the returned ids, by key, are the stored ones.
     */
    Map<String, ContactId> upsert(AccountId account, List<ContactBatch.Entry> contacts);

    /** Appends consent changes, in order, to the history of each contact (one statement). */
    void appendConsentChanges(AccountId account, Map<ContactId, List<ConsentToggle>> changes, ConsentSource source,
            String actor, Instant at);

    List<ConsentChange> consentHistory(AccountId account, ContactId contact);

    List<ContactSummary> page(AccountId account, ContactFilter filter, PageSpec page);

    int count(AccountId account, ContactFilter filter);

    /** Up to {@code limit} contacts with all their data, in a stable order (for rendering samples). */
    List<ContactDetails> sample(AccountId account, int limit);

    /** Removes the personal data of a contact, keeping the row (and its statistics) anonymous. */
    boolean erase(AccountId account, ContactId contact, Instant at);

    /** Adds an address (or only its hash, when the address is null) to the suppression list; existing entries stay. */
    void suppress(AccountId account, String addressHash, @Nullable String address, String reason, String comment,
            Instant at);

    List<io.portevoix.audience.SuppressionEntry> suppressions(AccountId account);

    boolean isSuppressed(AccountId account, String addressHash);

    boolean unsuppress(AccountId account, String addressHash);

    UniquenessKey uniquenessKey(AccountId account);

    /** Sets the key and recomputes every contact's key value; false (nothing changed) when values would collide. */
    boolean changeUniquenessKey(AccountId account, UniquenessKey key);

    /** Sets the last bounce of a live contact unless it already shows a later one. */
    void recordBounce(AccountId account, io.portevoix.audience.ContactId id, java.time.Instant at, String reason);

    Optional<io.portevoix.audience.LastBounce> lastBounce(AccountId account, io.portevoix.audience.ContactId id);
}
