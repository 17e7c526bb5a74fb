/**
 * Delivery's domain: when a marketing SMS may reach its recipient (the sending window), how stored
 * secrets are sealed, the signed bounce sub-addresses, the sending domains with their DKIM keys
 * and DNS records, and how e-mail is spread over SMTP servers (weighted rotation, back-off of a
 * failed server). Plain Java only.
 */
@NullMarked
package io.portevoix.delivery.domain;

import org.jspecify.annotations.NullMarked;
