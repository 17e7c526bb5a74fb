package io.portevoix.audience;

/** The type of a custom attribute, which decides how its values are checked, stored and filtered. */
public enum AttributeType {
    TEXT, NUMBER, DATE, BOOLEAN, CHOICE
}
