package io.portevoix.billing.application;

import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.CreditEntry;
import io.portevoix.billing.CreditEntryKind;
import io.portevoix.billing.CreditQueries;
import io.portevoix.billing.CreditReservations;
import io.portevoix.billing.NotEnoughCreditsException;
import io.portevoix.billing.GrantCredits;
import io.portevoix.billing.application.port.CreditLedger;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class CreditService implements CreditQueries, CreditCommands, CreditReservations {

    private final CreditLedger ledger;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CreditService(CreditLedger ledger, AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.ledger = ledger;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('BILLING_GUEST')")
    public CreditBalance balance() {
        return ledger.balance(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('BILLING_GUEST')")
    public List<CreditEntry> entries(PageSpec page) {
        return ledger.entries(TenantContext.requireAccount(), page);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('BILLING_GUEST')")
    public int entryCount() {
        return ledger.count(TenantContext.requireAccount());
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public CreditBalance grant(GrantCredits command) {
        return grantAs(command, "", TenantContext.currentActor().map(Actor::displayName).orElse("system"));
    }

    /** Grants within the target account (its own transaction, so row-level security admits it). */
    CreditBalance grantAs(GrantCredits command, String reference, String actor) {
        return TenantContext.callAs(command.account(), () -> transactions.execute(status -> {
            CreditBalance balance = ledger.append(command.account(), clock.instant(), CreditEntryKind.GRANT,
                    command.amount(), 0, reference, actor, command.comment());
            audit.record("credits.grant", String.valueOf(command.amount()), command.comment());
            return balance;
        }));
    }

    @Override
    public long available() {
        return ledger.balance(TenantContext.requireAccount()).available();
    }

    @Override
    public void reserve(String reference, long amount, String comment) {
        if (amount <= 0) {
            return;
        }
        AccountId account = TenantContext.requireAccount();
        long available = ledger.balance(account).available();
        if (available < amount) {
            throw new NotEnoughCreditsException(amount, available);
        }
        try {
            ledger.append(account, clock.instant(), CreditEntryKind.RESERVATION, 0, amount, reference, actor(), comment);
        } catch (CreditLedger.InsufficientCreditsException raced) {
            // another send reserved meanwhile; the database refused to go below zero
            throw new NotEnoughCreditsException(amount, available);
        }
    }

    @Override
    public void release(String reference, long amount, String comment) {
        if (amount > 0) {
            ledger.append(TenantContext.requireAccount(), clock.instant(), CreditEntryKind.RELEASE, 0, -amount, reference,
                    actor(), comment);
        }
    }

    @Override
    public void debit(String reference, long amount, String comment) {
        if (amount > 0) {
            ledger.append(TenantContext.requireAccount(), clock.instant(), CreditEntryKind.DEBIT, -amount, -amount,
                    reference, actor(), comment);
        }
    }

    private static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }

    CreditBalance balanceOf(AccountId account) {
        return TenantContext.callAs(account, () -> transactions.execute(status -> ledger.balance(account)));
    }
}
