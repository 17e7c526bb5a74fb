/**
 * Billing owns the credits ledger: an append-only list of entries (grants, purchases,
 * reservations, debits, releases, refunds) from which each account's balance and reserved
 * credits are derived, and which PostgreSQL keeps from ever going negative; and the platform's SMS
 * price list ({@link io.portevoix.billing.SmsRates}: credits per SMS part for each destination
 * country, readable by everyone, changed by platform administrators only). It depends on
 * tenancy (accounts, the acting user, the audit log) and grants the initial credits announced by
 * {@link io.portevoix.tenancy.AccountCreated}.
 */
@NullMarked
@ApplicationModule(displayName = "Billing", allowedDependencies = {"tenancy", "shell"})
package io.portevoix.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
