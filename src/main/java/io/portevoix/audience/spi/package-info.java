/**
 * What audience needs from downstream modules: the messages a member was sent, for the contact
 * page's Communication tab and {@code GET /contacts/{id}/messages} (delivery implements it), and
 * whether a running campaign uses a segment, so it is not deleted under it (campaigns implements it).
 */
@NullMarked
@NamedInterface("spi")
package io.portevoix.audience.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
