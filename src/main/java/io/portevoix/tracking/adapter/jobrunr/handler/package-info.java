/** The handlers of tracking's background jobs; they call primary ports only. */
@NullMarked
@PrimaryAdapter
package io.portevoix.tracking.adapter.jobrunr.handler;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
