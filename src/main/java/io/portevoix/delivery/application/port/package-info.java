/** What delivery needs from the outside: a way to hand a mail to a server, and the sandbox's capture. */
@NullMarked
@SecondaryPort
package io.portevoix.delivery.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
