/**
 * The SMTP mail transport (Simple Java Mail) and the demo sandbox server it falls back to when
 * no real server is configured (GreenMail, listening on loopback only).
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.smtp;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
