/**
 * Delivery owns the way messages leave the platform: the mail transport port with its SMTP
 * adapter (Simple Java Mail) and the demo sandbox (an embedded SMTP server whose captured
 * messages the Sandbox screen shows, so that nothing leaves the machine). For now it sends the
 * mail staff receive when they are given access to an account ({@link
 * io.portevoix.tenancy.UserAddedToAccount}) and the template library's test e-mails (it implements
 * templates' {@code spi}); the campaign outbox, SMS gateways, retries and bounces arrive with the
 * campaign issues. Marketing SMS keep to their recipient's sending window ({@link
 * io.portevoix.delivery.application.SmsSendingWindows}: the recipient's zone and public holidays, the
 * account's narrowing, Settings → SMS). Depends on tenancy, templates (its published records and spi)
 * and the shell. {@link io.portevoix.delivery.SentEmails} renders a sent e-mail again, the way the send
 * does, for its web version (tracking).
 */
@NullMarked
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"tenancy", "audience", "audience::spi", "templates", "templates::spi",
        "campaigns", "campaigns::spi", "shell"})
package io.portevoix.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
