/** Audience's application services. */
@NullMarked
@Application
package io.portevoix.audience.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
