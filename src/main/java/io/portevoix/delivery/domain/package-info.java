/** Delivery's domain: when a marketing SMS may reach its recipient (the sending window), how stored secrets are sealed, and the signed bounce sub-addresses. Plain Java only. */
@NullMarked
package io.portevoix.delivery.domain;

import org.jspecify.annotations.NullMarked;
