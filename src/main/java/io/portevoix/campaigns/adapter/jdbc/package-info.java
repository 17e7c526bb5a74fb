/** Campaigns and their send runs in PostgreSQL (schema {@code campaigns}, row-level security). */
@NullMarked
@SecondaryAdapter
package io.portevoix.campaigns.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
