/** Delivery's domain: when a marketing SMS may reach its recipient (the sending window), and how stored secrets are sealed. Plain Java only. */
@NullMarked
package io.portevoix.delivery.domain;

import org.jspecify.annotations.NullMarked;
