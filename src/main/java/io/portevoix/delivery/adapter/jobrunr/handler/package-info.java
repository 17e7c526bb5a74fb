/** The handlers of delivery's background jobs; they call primary ports only. */
@NullMarked
@PrimaryAdapter
package io.portevoix.delivery.adapter.jobrunr.handler;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
