/** Delivery's JobRunr jobs: the job records here, their handlers and the scheduler in sub-packages. */
@NullMarked
package io.portevoix.delivery.adapter.jobrunr;

import org.jspecify.annotations.NullMarked;
