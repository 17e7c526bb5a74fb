/**
 * Tenancy's application services: they implement the module's primary ports, check who may do
 * what ({@code @PreAuthorize} on the roles an {@link io.portevoix.tenancy.Actor} carries), and
 * record sensitive actions in the audit log.
 */
@NullMarked
@Application
package io.portevoix.tenancy.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
