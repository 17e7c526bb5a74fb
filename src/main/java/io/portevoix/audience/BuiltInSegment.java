package io.portevoix.audience;

/**
 * A segment every account has without saving it (all contacts, active members, inactive ones,
 * active leaders, the board), with its criteria as the JSON tree of the grammar.
 */
public record BuiltInSegment(String key, Object criteria) {
}
