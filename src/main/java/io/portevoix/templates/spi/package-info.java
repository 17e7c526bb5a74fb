/**
 * What templates need from downstream modules: delivery sends the test e-mails of the template
 * library ({@link io.portevoix.templates.spi.TestMailSender}).
 */
@NullMarked
@NamedInterface("spi")
package io.portevoix.templates.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
