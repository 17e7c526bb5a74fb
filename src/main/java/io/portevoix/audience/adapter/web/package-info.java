/** The contacts endpoints of the REST API (API.md, "Contacts"). */
@NullMarked
@PrimaryAdapter
package io.portevoix.audience.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
