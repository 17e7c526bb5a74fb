/**
 * What campaigns need from downstream modules: delivery keeps the outbox of each send run
 * ({@link io.portevoix.campaigns.spi.Outbox}).
 */
@NullMarked
@NamedInterface("spi")
package io.portevoix.campaigns.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
