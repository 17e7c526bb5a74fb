/**
 * PostgreSQL adapters of tenancy: repositories as plain SQL through {@code JdbcClient}, and the
 * data source wrapper that hands every connection the session settings row-level security reads.
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.tenancy.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
