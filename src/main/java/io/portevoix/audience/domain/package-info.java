/** Audience's domain: how a contact's input is validated, normalised and applied. Plain Java only. */
@NullMarked
package io.portevoix.audience.domain;

import org.jspecify.annotations.NullMarked;
