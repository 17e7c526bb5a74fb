/** The outbox in PostgreSQL (schema {@code delivery}, row-level security). */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
