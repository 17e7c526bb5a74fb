/**
 * What tenancy's application services need from the outside world: storage of accounts, users,
 * keys, login attempts and the audit log.
 */
@NullMarked
@SecondaryPort
package io.portevoix.tenancy.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
