/** Tracking's services: signed recipient links, the recipient pages behind them, the event writer and the machine rules. */
@NullMarked
@Application
package io.portevoix.tracking.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
