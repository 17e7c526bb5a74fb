package io.portevoix.audience;

import org.jspecify.annotations.Nullable;

/**
 * The account's rules for every audience: associated members are left out unless included, and
 * former clients can be limited to those whose subscription ended within so many months (the
 * federation rule "expired within the past year" is 12); null means no limit.
 */
public record AudienceRules(boolean includeAssociatedMembers, @Nullable Integer formerClientsWithinMonths) {

    public static final AudienceRules DEFAULTS = new AudienceRules(false, null);
}
