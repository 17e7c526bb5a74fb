/** Delivery's application services. */
@NullMarked
@Application
package io.portevoix.delivery.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
