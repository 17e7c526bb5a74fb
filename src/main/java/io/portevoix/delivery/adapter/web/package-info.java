/** Delivery's public endpoints: the bounce and complaint webhook of sending providers. */
@NullMarked
@PrimaryAdapter
package io.portevoix.delivery.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
