/**
 * Delivery's domain: when a marketing SMS may reach its recipient (the sending window), how stored
 * secrets are sealed, the signed bounce sub-addresses, and the sending domains with their DKIM keys
 * and DNS records. Plain Java only.
 */
@NullMarked
package io.portevoix.delivery.domain;

import org.jspecify.annotations.NullMarked;
