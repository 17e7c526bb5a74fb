/**
 * The bounce mailbox over IMAP (Jakarta Mail / Angus): unseen mails are read, understood by
 * {@link io.portevoix.delivery.adapter.imap.BounceParser} (RFC 3464 delivery status through Angus'
 * DSN module, RFC 5965 feedback reports, and the plain-text bounces some providers still send),
 * handed to delivery, then deleted, or flagged for a person when they are no report of ours.
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.imap;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
