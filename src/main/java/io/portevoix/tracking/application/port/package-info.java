/** What tracking needs from the outside: where its key material is kept. */
@NullMarked
@SecondaryPort
package io.portevoix.tracking.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
