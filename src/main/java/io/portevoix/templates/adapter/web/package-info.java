/** The image library's public endpoint (mail clients fetch images without login) and the templates REST API. */
@NullMarked
@PrimaryAdapter
package io.portevoix.templates.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
