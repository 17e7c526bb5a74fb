/** The demo's SMS sandbox: a gateway that keeps messages in memory and sends receipts back. */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.sandbox;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
