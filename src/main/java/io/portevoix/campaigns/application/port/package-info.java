/** What campaigns' services need from the outside: storage of campaigns and runs. */
@NullMarked
@SecondaryPort
package io.portevoix.campaigns.application.port;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
