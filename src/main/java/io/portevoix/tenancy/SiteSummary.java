package io.portevoix.tenancy;

/** A club location inside an account. */
public record SiteSummary(SiteId id, String name) {
}
