package io.portevoix.billing.application;

import io.portevoix.billing.GrantCredits;
import io.portevoix.tenancy.AccountCreated;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Grants the credits an account was created with (first-run provisioning, demo data), once: the
 * grant carries the account's creation as its reference, so a republished event changes nothing.
 * It runs in a transaction of its own, opened for the new account.
 */
@Component
class InitialCredits {

    private final CreditService credits;

    InitialCredits(CreditService credits) {
        this.credits = credits;
    }

    @Async
    @TransactionalEventListener
    void on(AccountCreated event) {
        if (event.initialCredits() > 0) {
            credits.grantAs(new GrantCredits(event.accountId(), event.initialCredits(), "Initial credits"),
                    "account-created:" + event.accountId(), "system");
        }
    }
}
