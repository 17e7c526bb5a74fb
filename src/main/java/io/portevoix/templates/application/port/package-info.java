/** What templates' services need from the outside: storage, the Liquid engine, HTML tooling, asset storage. */
@NullMarked
@SecondaryPort
package io.portevoix.templates.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
