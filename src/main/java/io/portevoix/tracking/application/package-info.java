/** Tracking's services: signed recipient links and the recipient pages behind them. */
@NullMarked
@Application
package io.portevoix.tracking.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
