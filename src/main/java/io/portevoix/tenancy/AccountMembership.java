package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;

/** One of the accounts a user belongs to, as the account switcher lists it. */
public record AccountMembership(AccountId accountId, String accountName, boolean administrator, AccessLevels levels) {
}
