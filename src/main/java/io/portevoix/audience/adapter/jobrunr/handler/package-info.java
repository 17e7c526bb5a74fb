/** The handlers of audience's background jobs; they call primary ports only. */
@NullMarked
@PrimaryAdapter
package io.portevoix.audience.adapter.jobrunr.handler;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
