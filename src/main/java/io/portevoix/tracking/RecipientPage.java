package io.portevoix.tracking;

import io.portevoix.audience.BroadcastType;
import java.util.Locale;
import java.util.Map;

/**
 * What a recipient page shows: the account's name (the page is branded with it), the language to
 * speak, the broadcast type the link came from, and the member's current e-mail consents.
 */
public record RecipientPage(String accountName, Locale locale, BroadcastType type, Map<BroadcastType, Boolean> consents) {
}
