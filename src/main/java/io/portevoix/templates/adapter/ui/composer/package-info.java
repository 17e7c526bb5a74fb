/**
 * Templates' UI components that other modules' screens embed: the SMS composer with its live
 * GSM 03.38 counter (used by SMS campaigns) and the merge-tag menu.
 */
@NullMarked
@PrimaryAdapter
@NamedInterface("composer")
package io.portevoix.templates.adapter.ui.composer;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
