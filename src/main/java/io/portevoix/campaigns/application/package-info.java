/** Campaigns' application services: editing, review and count, approval, send runs and their credits. */
@NullMarked
@Application
package io.portevoix.campaigns.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
