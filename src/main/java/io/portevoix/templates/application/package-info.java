/** Templates' application services: the library, rendering, network publishing and the image library. */
@NullMarked
@Application
package io.portevoix.templates.application;

import org.jmolecules.architecture.hexagonal.Application;
import org.jspecify.annotations.NullMarked;
