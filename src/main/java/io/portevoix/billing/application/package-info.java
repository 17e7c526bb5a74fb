/** Billing's application services. */
@NullMarked
@Application
package io.portevoix.billing.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
