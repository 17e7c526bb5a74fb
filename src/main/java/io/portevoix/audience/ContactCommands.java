package io.portevoix.audience;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Creates, changes and erases the current account's contacts. */
@PrimaryPort
public interface ContactCommands {

    /**
     * Creates the contact, or updates the one with the same uniqueness key (fields absent from
     * the input stay as they are). Invalid fields → {@link io.portevoix.shared.InvalidInputException}.
     */
    UpsertResult upsert(ContactInput input, ConsentSource source);

    /** Changes the given fields of a contact (absent ones stay). Unknown id → {@link java.util.NoSuchElementException}. */
    ContactDetails update(ContactId id, ContactInput input, ConsentSource source);

    /**
     * GDPR erasure: personal data is removed, aggregate statistics stay, and the address is kept
     * only as a hash so that it is not re-imported into marketing by mistake.
     */
    void erase(ContactId id);

    /**
     * Notes on the member's record that an e-mail to them bounced (or was reported as spam), with
     * the server's reason; an older report than the one shown changes nothing. Unknown or erased
     * id: nothing happens.
     */
    void recordBounce(ContactId id, java.time.Instant at, String reason);

    /** Sets the account's uniqueness key; refused while existing contacts would collide on the new key. */
    void changeUniquenessKey(UniquenessKey key);
}
