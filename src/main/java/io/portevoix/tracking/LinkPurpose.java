package io.portevoix.tracking;

/** What a signed recipient link is for. */
public enum LinkPurpose {
    UNSUBSCRIBE, PREFERENCES, CLICK, OPEN
}
