/**
 * The generic HTTP JSON SMS gateway (JDK {@code HttpClient}): a configured POST per message and the
 * provider's callbacks for receipts and replies. The webhook controller lives here rather than in
 * {@code adapter.web} because it is the inbound half of this one provider protocol (as deliver_sm
 * is for SMPP): it hands what arrives to the listener the gateway was given and to nothing else.
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.http;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
