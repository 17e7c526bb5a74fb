/** Enqueues delivery's background jobs on JobRunr (the scheduler port of the application). */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.jobrunr.scheduler;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
