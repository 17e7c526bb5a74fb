package io.portevoix.tenancy.application;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.SenderIdCommands;
import io.portevoix.tenancy.SenderIdDetails;
import io.portevoix.tenancy.SenderIdId;
import io.portevoix.tenancy.SenderIdQueries;
import io.portevoix.tenancy.SenderIdStatus;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.application.port.SenderIds;
import io.portevoix.tenancy.domain.SenderId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alphanumeric sender IDs. A platform administrator's decision runs as the requesting account
 * (its own transaction, like a credit grant), so the account's audit log records it and
 * row-level security admits the change as the account's own.
 */
@Service
class SenderIdService implements SenderIdQueries, SenderIdCommands {

    private final SenderIds senderIds;
    private final SenderIdSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SenderIdService(SenderIds senderIds, SenderIdSettings settings, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.senderIds = senderIds;
        this.settings = settings;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public List<SenderIdDetails> list() {
        return senderIds.list(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> approved() {
        return senderIds.approvedValues(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isApproved(String value) {
        return value != null && approved().contains(value.strip());
    }

    @Override
    public BigDecimal fee() {
        return settings.fee();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<SenderIdDetails> pending() {
        return senderIds.all(SenderIdStatus.REQUESTED);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<SenderIdDetails> all(@Nullable SenderIdStatus status) {
        return senderIds.all(status);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public SenderIdId request(String value) {
        AccountId account = TenantContext.requireAccount();
        SenderId senderId = SenderId.request(account, value, settings.feeCents(), actor(), clock.instant());
        if (!senderIds.insert(senderId)) {
            throw InvalidInputException.of("value",
                    "This account has already requested or been given the sender ID " + senderId.value());
        }
        audit.record("sender-id.request", senderId.value(), "one-off fee " + settings.fee() + " EUR, not in credits");
        return senderId.id();
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void approve(SenderIdId id, String comment) {
        decide(id, "sender-id.approve", s -> s.approve(actor(), comment, clock.instant()));
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void refuse(SenderIdId id, String comment) {
        decide(id, "sender-id.refuse", s -> s.refuse(actor(), comment, clock.instant()));
    }

    private void decide(SenderIdId id, String action, Consumer<SenderId> decision) {
        SenderId found = transactions.execute(status -> senderIds.find(id))
                .orElseThrow(() -> new NoSuchElementException("No such sender ID"));
        TenantContext.runAs(found.accountId(), () -> transactions.executeWithoutResult(status -> {
            SenderId senderId = senderIds.find(id).orElseThrow(() -> new NoSuchElementException("No such sender ID"));
            decision.accept(senderId);
            if (!senderIds.update(senderId, SenderIdStatus.REQUESTED)) {
                throw new IllegalStateException("This sender ID was decided meanwhile");
            }
            audit.record(action, senderId.value(), senderId.decisionComment());
        }));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void withdraw(SenderIdId id) {
        AccountId account = TenantContext.requireAccount();
        SenderId senderId = senderIds.find(id).filter(s -> s.accountId().equals(account))
                .orElseThrow(() -> new NoSuchElementException("No such sender ID"));
        SenderIdStatus before = senderId.status();
        senderId.withdraw();
        if (!senderIds.update(senderId, before)) {
            throw new IllegalStateException("This sender ID changed meanwhile");
        }
        audit.record("sender-id.withdraw", senderId.value(), "was " + before.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }
}
