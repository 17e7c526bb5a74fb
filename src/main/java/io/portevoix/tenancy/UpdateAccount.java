package io.portevoix.tenancy;

import java.time.ZoneId;
import java.util.Locale;

/** New identity, address, regional settings, default sender and social links of the current account. */
public record UpdateAccount(String name, String legalName, PostalAddress address, ZoneId timeZone, Locale locale,
        String phoneRegion, String defaultSenderName, String defaultSenderEmail, SocialLinks social) {
}
