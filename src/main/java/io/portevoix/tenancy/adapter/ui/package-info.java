/**
 * Tenancy's screens: the dashboard and account picker, Settings (account, users, API keys, audit
 * log), the platform administrator's accounts, and the account switcher in the header.
 */
@NullMarked
@PrimaryAdapter
package io.portevoix.tenancy.adapter.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
