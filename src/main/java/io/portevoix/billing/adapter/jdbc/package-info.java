/** The credits ledger in PostgreSQL. */
@NullMarked
@SecondaryAdapter
package io.portevoix.billing.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
