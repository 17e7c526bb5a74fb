/** The contacts screens: the lazy list with search and filters, and a member's page with its tabs. */
@NullMarked
@PrimaryAdapter
package io.portevoix.audience.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
