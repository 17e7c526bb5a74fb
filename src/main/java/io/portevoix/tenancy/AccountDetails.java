package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one account that its settings screen shows and templates use.
 */
public record AccountDetails(
        AccountId id,
        @Nullable AccountId parentId,
        String name,
        String legalName,
        PostalAddress address,
        ZoneId timeZone,
        Locale locale,
        String phoneRegion,
        String defaultSenderName,
        String defaultSenderEmail,
        SocialLinks social,
        Set<BrandingImageKind> brandingImages,
        Instant createdAt,
        Instant updatedAt) {
}
