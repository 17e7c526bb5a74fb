/** The credits screen: balance, reservations, ledger, and the platform administrator's grants. */
@NullMarked
@PrimaryAdapter
package io.portevoix.billing.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
