package io.portevoix.tenancy;

/**
 * The areas of the product a user or an API key is given an access level for.
 */
public enum Area {
    CONTACTS, SEGMENTS, TEMPLATES, EMAIL_CAMPAIGNS, SMS_CAMPAIGNS, AUTOMATIONS, STATISTICS, BILLING, SETTINGS
}
