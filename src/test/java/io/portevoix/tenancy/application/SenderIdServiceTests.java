package io.portevoix.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.SenderIdDetails;
import io.portevoix.tenancy.SenderIdId;
import io.portevoix.tenancy.SenderIdStatus;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.application.port.SenderIds;
import io.portevoix.tenancy.domain.SenderId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** The sender ID service over in-memory fakes of its store and of the audit log. */
class SenderIdServiceTests {

    static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    final InMemorySenderIds store = new InMemorySenderIds();
    final List<String> audited = new ArrayList<>();

    SenderIdService service(String fee) {
        return new SenderIdService(store, new SenderIdSettings(new BigDecimal(fee)), new RecordingAudit(audited),
                new NoTransactions(), CLOCK);
    }

    @Test
    void aRequestKeepsTheFeeOfItsDayWhenTheFeeChangesLater() {
        SenderIdId id = TenantContext.callAs(ACCOUNT, () -> service("49").request("VITALIS"));
        SenderIdService later = service("59.90");
        assertThat(later.fee()).isEqualTo(new BigDecimal("59.90"));
        SenderIdId second = TenantContext.callAs(ACCOUNT, () -> later.request("CLUB"));
        assertThat(TenantContext.callAs(ACCOUNT, later::list)).extracting(SenderIdDetails::id, SenderIdDetails::fee)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(id, new BigDecimal("49.00")),
                        org.assertj.core.groups.Tuple.tuple(second, new BigDecimal("59.90")));
        assertThat(audited).containsExactly("sender-id.request VITALIS", "sender-id.request CLUB");
    }

    @Test
    void aDecisionIsRecordedInTheRequestingAccount() {
        SenderIdService service = service("49");
        SenderIdId id = TenantContext.callAs(ACCOUNT, () -> service.request("VITALIS"));
        service.approve(id, "ok");
        assertThat(TenantContext.callAs(ACCOUNT, service::approved)).containsExactly("VITALIS");
        assertThat(store.auditAccounts).containsExactly(ACCOUNT, ACCOUNT);
    }

    final class InMemorySenderIds implements SenderIds {

        final Map<SenderIdId, SenderId> rows = new LinkedHashMap<>();
        final List<AccountId> auditAccounts = new ArrayList<>();

        @Override
        public boolean insert(SenderId s) {
            boolean live = rows.values().stream().anyMatch(r -> r.accountId().equals(s.accountId()) && r.status().live()
                    && r.value().toUpperCase(Locale.ROOT).equals(s.value().toUpperCase(Locale.ROOT)));
            if (!live) {
                rows.put(s.id(), copy(s));
            }
            return !live;
        }

        @Override
        public boolean update(SenderId s, SenderIdStatus expected) {
            SenderId stored = rows.get(s.id());
            if (stored == null || stored.status() != expected) {
                return false;
            }
            rows.put(s.id(), copy(s));
            return true;
        }

        @Override
        public Optional<SenderId> find(SenderIdId id) {
            return Optional.ofNullable(rows.get(id)).map(InMemorySenderIds::copy);
        }

        @Override
        public List<SenderIdDetails> list(AccountId account) {
            return rows.values().stream().filter(s -> s.accountId().equals(account)).map(InMemorySenderIds::details).toList();
        }

        @Override
        public List<String> approvedValues(AccountId account) {
            return rows.values().stream().filter(s -> s.accountId().equals(account) && s.status() == SenderIdStatus.APPROVED)
                    .map(SenderId::value).toList();
        }

        @Override
        public List<SenderIdDetails> all(@Nullable SenderIdStatus status) {
            return rows.values().stream().filter(s -> status == null || s.status() == status)
                    .map(InMemorySenderIds::details).toList();
        }

        private static SenderId copy(SenderId s) {
            return SenderId.restore(s.id(), s.accountId(), s.value(), s.status(), s.feeCents(), s.requestedBy(),
                    s.requestedAt(), s.decidedBy(), s.decidedAt(), s.decisionComment());
        }

        private static SenderIdDetails details(SenderId s) {
            return new SenderIdDetails(s.id(), s.accountId(), "", s.value(), s.status(), BigDecimal.valueOf(s.feeCents(), 2),
                    s.requestedBy(), s.requestedAt(), s.decidedBy(), s.decidedAt(), s.decisionComment());
        }
    }

    final class RecordingAudit implements AuditLog {

        private final List<String> lines;

        RecordingAudit(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void record(String action, String target, String details) {
            store.auditAccounts.add(TenantContext.requireAccount());
            lines.add(action + " " + target);
        }

        @Override
        public List<AuditEntry> find(AuditFilter filter, PageSpec page) {
            return List.of();
        }

        @Override
        public int count(AuditFilter filter) {
            return 0;
        }

        @Override
        public List<String> actions() {
            return List.of();
        }
    }

    /** Runs the work without a transaction: the fakes need none. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
