/** The credits endpoint of the REST API. */
@NullMarked
@PrimaryAdapter
package io.portevoix.billing.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
