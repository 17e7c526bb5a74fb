package io.portevoix.audience;

/** The fields of a contact a write may carry; absent fields are left unchanged on update. */
public enum ContactField {
    EMAIL, MOBILE, EXTERNAL_REF, CIVILITY, FIRST_NAME, LAST_NAME, BIRTH_DATE, STATUS, PRIMARY, SITE,
    SUBSCRIPTION_NAME, SUBSCRIPTION_START, SUBSCRIPTION_END, BOOKLET_NAME, BOOKLET_SESSIONS_LEFT, BOOKLET_EXPIRES_ON,
    LAST_VISIT_AT, VISIT_COUNT, TAGS, ATTRIBUTES, CONSENTS
}
