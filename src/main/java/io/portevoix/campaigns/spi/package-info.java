/**
 * What campaigns need from downstream modules: delivery keeps the outbox of each send run and tells
 * how a From domain is authenticated, tracking counts opens and clicks ({@link
 * io.portevoix.campaigns.spi.Outbox}, {@link io.portevoix.campaigns.spi.SenderDomains}, {@link
 * io.portevoix.campaigns.spi.Engagement}).
 */
@NullMarked
@NamedInterface("spi")
package io.portevoix.campaigns.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
