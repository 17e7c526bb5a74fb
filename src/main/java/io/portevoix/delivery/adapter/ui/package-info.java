/** The Sandbox screen: messages captured by the demo mail sandbox, shown as recipients see them. */
@NullMarked
@PrimaryAdapter
package io.portevoix.delivery.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
