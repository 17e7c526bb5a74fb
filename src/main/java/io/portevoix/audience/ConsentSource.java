package io.portevoix.audience;

/** Where a consent change came from. */
public enum ConsentSource {
    IMPORT, FORM, API, USER, UNSUBSCRIBE_LINK, SMS_REPLY
}
