/** The campaign endpoints of the REST API (API.md, "Campaigns"). */
@NullMarked
@PrimaryAdapter
package io.portevoix.campaigns.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
