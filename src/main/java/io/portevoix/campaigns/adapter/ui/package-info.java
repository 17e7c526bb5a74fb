/**
 * The campaign screens: the list with its filters and row menu, and the step-by-step editor
 * (details, audience picker, content, test, review and send), which becomes the campaign's page
 * with live figures and its history once it is sent.
 */
@NullMarked
@PrimaryAdapter
package io.portevoix.campaigns.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
