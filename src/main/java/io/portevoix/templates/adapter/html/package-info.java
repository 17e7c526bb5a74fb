/**
 * HTML tooling on jsoup: the sanitiser for imported HTML, the plain-text alternative and the
 * accessibility and deliverability checks, all working on a parsed DOM, never on regular expressions
 * over markup.
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.templates.adapter.html;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
