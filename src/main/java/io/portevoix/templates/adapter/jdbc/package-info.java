/** Templates, their settings and the image library in PostgreSQL (schema {@code templates}). */
@NullMarked
@SecondaryAdapter
package io.portevoix.templates.adapter.jdbc;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
