package io.portevoix.tracking;

/** What a signed recipient link is for (the ordinal travels in tokens: add new purposes at the end only). */
public enum LinkPurpose {
    UNSUBSCRIBE, PREFERENCES, CLICK, OPEN, WEB_VERSION
}
