/**
 * What delivery needs from downstream modules: tracking signs each recipient's links
 * ({@link io.portevoix.delivery.spi.TrackingLinks}) and says which campaigns a member opened and
 * clicked ({@link io.portevoix.delivery.spi.MemberEngagement}).
 */
@NullMarked
@NamedInterface("spi")
package io.portevoix.delivery.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
