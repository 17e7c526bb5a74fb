package io.portevoix.audience;

import java.util.List;

/**
 * A custom attribute the account defines in Settings: its key (as in {@code attributes.<key>} of
 * API.md and {@code {{ contact.attributes.<key> }}}), the label people see, its type and, for a
 * choice list, the allowed values.
 */
public record AttributeDefinition(String key, String label, AttributeType type, List<String> choices) {

    public AttributeDefinition {
        choices = List.copyOf(choices);
    }
}
