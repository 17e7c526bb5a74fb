/**
 * What delivery needs from downstream modules: tracking signs each recipient's links
 * ({@link io.portevoix.delivery.spi.TrackingLinks}).
 */
@NullMarked
@NamedInterface("spi")
package io.portevoix.delivery.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
