/**
 * DNS look-ups through the JDK's JNDI DNS provider ({@code com.sun.jndi.dns.DnsContextFactory}),
 * with the system's resolvers and a short timeout, so that a machine without DNS answers
 * "unreachable" within a few seconds instead of hanging a screen.
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.dns;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
