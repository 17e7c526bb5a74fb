/**
 * Tracking signs each recipient's links and answers the public recipient pages: the unsubscribe
 * link (confirmation page and the RFC 8058 one-click POST of {@code List-Unsubscribe}), the
 * preference centre (which broadcast types a member accepts by e-mail), the web version of a
 * message ({@code /public/w/<token>}: rendered again by delivery's {@link io.portevoix.delivery.SentEmails},
 * its links tracked, a view recorded as kind VIEW and not as an open), click redirects of both
 * parts of an e-mail and of SMS short links, and the open pixel. A link is an HMAC-signed token
 * naming the account, the member, the campaign and its broadcast type; an altered or forged token
 * is a 404. The consent change is committed through audience's API before the page answers; opens
 * and clicks go through a batch writer (every 200 ms). Machine activity is flagged by explicit
 * rules shipped as data ({@code MachineRules}: scanner user agents, HEAD, Apple Mail Privacy
 * Protection's user agent and networks, every link of a message within a second). Publishes
 * {@link io.portevoix.tracking.TrackingQueries} (opens over time) and implements delivery's and
 * campaigns' {@code spi}.
 */
@NullMarked
@ApplicationModule(displayName = "Tracking", allowedDependencies = {"tenancy", "audience", "templates", "campaigns", "campaigns::spi",
        "delivery", "delivery::spi", "shell"})
package io.portevoix.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
