package io.portevoix.audience;

/** The channels members are reached on. */
public enum Channel {
    EMAIL, SMS
}
