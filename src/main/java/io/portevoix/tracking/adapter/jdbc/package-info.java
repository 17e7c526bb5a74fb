/** Tracking's key material in PostgreSQL (schema {@code tracking}). */
@NullMarked
@SecondaryAdapter
package io.portevoix.tracking.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
