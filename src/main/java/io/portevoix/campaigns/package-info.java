/**
 * Campaigns owns one-shot campaigns (e-mail now, SMS with its issue): their content, audience
 * (audience's picker), the review count with exclusions and credits, approval, and send runs with
 * their history. Sending starts a run: delivery freezes the recipients into its outbox (through
 * this module's {@code spi}) and credits are reserved in billing, in one transaction; when
 * delivery reports the run finished, the credits used are debited and the rest released.
 * Depends on tenancy, audience, templates and billing.
 */
@NullMarked
@ApplicationModule(displayName = "Campaigns", allowedDependencies = {"tenancy", "audience", "audience::picker", "audience::spi", "templates", "templates::composer",
        "templates::spi", "billing", "shell"})
package io.portevoix.campaigns;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
