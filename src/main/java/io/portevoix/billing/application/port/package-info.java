/** Storage of the credits ledger. */
@NullMarked
@SecondaryPort
package io.portevoix.billing.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
