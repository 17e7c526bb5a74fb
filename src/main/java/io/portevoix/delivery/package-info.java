/**
 * Delivery owns the way messages leave the platform: the mail transport port with its SMTP
 * adapter (Simple Java Mail) and the demo sandbox (an embedded SMTP server whose captured
 * messages the Sandbox screen shows, so that nothing leaves the machine). For now it sends the
 * mail staff receive when they are given access to an account ({@link
 * io.portevoix.tenancy.UserAddedToAccount}) and the template library's test e-mails (it implements
 * templates' {@code spi}), and the campaign outbox with its SMTP and SMS channels, retries and
 * bounces: a bounce mailbox read over IMAP and a provider webhook report hard and soft bounces,
 * complaints and mailto unsubscribes ({@link io.portevoix.delivery.BounceReports}), which suppress
 * addresses through audience and withdraw consents through tracking's implementation of this
 * module's {@code spi}. Marketing SMS keep to their recipient's sending window ({@link
 * io.portevoix.delivery.application.SmsSendingWindows}: the recipient's zone and public holidays, the
 * account's narrowing, Settings → SMS). E-mail is DKIM-signed when the From domain is one of the
 * account's sending domains ({@link io.portevoix.delivery.SendingDomains}: keys generated here and
 * stored encrypted, the SPF/DKIM/DMARC records to publish, their DNS verification); campaigns learn
 * through their {@code SenderDomains} spi what to warn about. Depends on tenancy, templates (its published records and spi)
 * and the shell. {@link io.portevoix.delivery.SentEmails} renders a sent e-mail again, the way the send
 * does, for its web version (tracking).
 */
@NullMarked
@ApplicationModule(displayName = "Delivery", allowedDependencies = {"tenancy", "audience", "audience::spi", "templates", "templates::spi",
        "campaigns", "campaigns::spi", "shell"})
package io.portevoix.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
