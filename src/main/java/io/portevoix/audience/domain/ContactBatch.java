package io.portevoix.audience.domain;

import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.domain.ContactChanges.ConsentToggle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contacts a batch of upserts leaves, one per uniqueness key, so that each is written once.
 * A key repeated in the batch applies to the state its earlier upsert left, exactly as one upsert
 * at a time would (the later one wins field by field), and its consent changes add up in order.
 */
public final class ContactBatch {

    /**
     * One contact of the batch: its final state, whether the batch creates it, whether it differs
     * from what was stored before, and every consent change of the batch in order.
     */
    public record Entry(String uniqueKey, ContactDetails contact, boolean isNew, boolean changed,
            List<ConsentToggle> consentChanges) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The state the batch already gives this key, if an earlier upsert of the batch had it. */
    public @Nullable ContactDetails current(String uniqueKey) {
        Entry entry = entries.get(uniqueKey);
        return entry == null ? null : entry.contact();
    }

    /**
     * Records an upsert: {@code isNew} when it created the contact (the key was neither stored nor
     * earlier in the batch); otherwise it must have been applied to {@link #current} or to the
     * stored contact.
     */
    public void add(String uniqueKey, ContactChanges.Result result, boolean isNew) {
        Entry earlier = entries.get(uniqueKey);
        if (earlier == null) {
            entries.put(uniqueKey, new Entry(uniqueKey, result.contact(), isNew, isNew || result.changed(),
                    List.copyOf(result.consentChanges())));
            return;
        }
        if (isNew) {
            throw new IllegalArgumentException("The batch already has " + uniqueKey);
        }
        List<ConsentToggle> toggles = new ArrayList<>(earlier.consentChanges());
        toggles.addAll(result.consentChanges());
        entries.put(uniqueKey, new Entry(uniqueKey, result.contact(), earlier.isNew(),
                earlier.changed() || result.changed(), List.copyOf(toggles)));
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** What must be written: created contacts and those whose data changed. */
    public List<Entry> toWrite() {
        return entries.values().stream().filter(Entry::changed).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
