/** Campaigns' domain: the campaign state machine. Plain Java only. */
@NullMarked
package io.portevoix.campaigns.domain;

import org.jspecify.annotations.NullMarked;
