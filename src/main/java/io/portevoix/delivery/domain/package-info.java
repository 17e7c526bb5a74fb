/** Delivery's domain: when a marketing SMS may reach its recipient (the sending window). Plain Java only. */
@NullMarked
package io.portevoix.delivery.domain;

import org.jspecify.annotations.NullMarked;
