/**
 * Public holidays from Jollyday ({@code de.focus-shift:jollyday-jaxb}, Apache 2.0): its calendars
 * cover France (Easter-based days included, for any year) and about ninety other countries. Its
 * JAXB binding is used because the Jackson binding of the 1.x line available here is Jackson 2,
 * whose XML module would add an XML message converter to Spring MVC.
 *
 * <p>Jollyday has no calendar for the French overseas departments: they get the national calendar
 * plus their own abolition-of-slavery day (law 83-550 and decree 83-1003: Mayotte 27 April,
 * Martinique 22 May, Guadeloupe 27 May, French Guiana 10 June, La Réunion 20 December).
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.holidays;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
