/** Tracking's JobRunr jobs: the job records here, their handlers in a sub-package. */
@NullMarked
package io.portevoix.tracking.adapter.jobrunr;

import org.jspecify.annotations.NullMarked;
