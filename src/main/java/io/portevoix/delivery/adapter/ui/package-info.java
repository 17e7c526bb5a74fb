/**
 * The Sandbox screen (messages captured by the demo mail sandbox, shown as recipients see them) and
 * Settings → SMS, a view of panels (the marketing sending window first), and Settings → Sending
 * domains (DKIM keys and the DNS records to publish).
 */
@NullMarked
@PrimaryAdapter
package io.portevoix.delivery.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
