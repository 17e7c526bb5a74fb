/** Contacts in PostgreSQL: plain SQL, current consents on the row, history and suppressions beside it. */
@NullMarked
@SecondaryAdapter
package io.portevoix.audience.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
