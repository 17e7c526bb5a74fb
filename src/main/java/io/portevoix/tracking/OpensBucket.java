package io.portevoix.tracking;

import java.time.Instant;

/**
 * Opens of a campaign in one time bucket {@code [start, start + bucket)}: by people, by machines
 * (privacy proxies, scanners: see the machine rules) and views of the web version by people.
 */
public record OpensBucket(Instant start, long humanOpens, long machineOpens, long webViews) {
}
