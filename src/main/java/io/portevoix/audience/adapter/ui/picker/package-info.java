/**
 * Audience's UI components that other modules' screens embed: the criteria builder and the
 * audience picker of campaigns.
 */
@NullMarked
@PrimaryAdapter
@NamedInterface("picker")
package io.portevoix.audience.adapter.ui.picker;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
