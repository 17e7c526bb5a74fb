/**
 * The SMPP 3.4 SMS gateway (jSMPP): one transceiver link per installation, a window of
 * submit_sm in flight, a throughput limit, concatenated parts with their UDH, delivery receipts
 * and replies. jSMPP is confined to this package (architecture tests).
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.delivery.adapter.smpp;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
