/** Storage of contacts, their consent history and the suppression list. */
@NullMarked
@SecondaryPort
package io.portevoix.audience.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
