/** The public recipient pages: unsubscribe (with the RFC 8058 one-click POST) and the preference centre. */
@NullMarked
@PrimaryAdapter
package io.portevoix.tracking.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
