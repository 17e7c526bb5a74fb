package io.portevoix.templates;

/** The signed links of one recipient, printed by {@code {{ unsubscribeUrl }}} and its siblings. */
public record RecipientLinks(String unsubscribeUrl, String preferencesUrl, String webVersionUrl) {

    /** Links that go nowhere, for previews and test sends. */
    public static final RecipientLinks PREVIEW = new RecipientLinks("#unsubscribe", "#preferences", "#web-version");
}
