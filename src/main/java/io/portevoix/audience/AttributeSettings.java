package io.portevoix.audience;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** The current account's custom attribute definitions (Settings → Contacts). */
@PrimaryPort
public interface AttributeSettings {

    /** The definitions, sorted by label. */
    List<AttributeDefinition> definitions();

    /**
     * Creates or replaces a definition. Values already stored are left as they are; a value that
     * no longer fits the type is ignored by typed filters and refused at the next edit.
     */
    AttributeDefinition save(AttributeDefinition definition);

    /** Removes the definition; the members' values stay, as free text. */
    void delete(String key);
}
