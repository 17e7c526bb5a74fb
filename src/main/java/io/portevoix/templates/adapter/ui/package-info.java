/**
 * The template screens: the library with its preview panel, the e-mail editor (GrapesJS as a
 * component, merge-tag picker, check panel, member preview, image library) and the SMS composer
 * with its live GSM 03.38 counter.
 */
@NullMarked
@PrimaryAdapter
package io.portevoix.templates.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
