package io.portevoix.tenancy.application;

import io.portevoix.tenancy.SystemActor;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.application.port.AuditEntries;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditService implements AuditLog {

    private final AuditEntries entries;
    private final Clock clock;

    AuditService(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(String action, String target, String details) {
        AccountId account = TenantContext.requireAccount();
        Actor actor = TenantContext.currentActor().orElse(new SystemActor("system"));
        entries.append(account, clock.instant(), actor.displayName(), actor.userId().orElse(null), action, target,
                details);
    }

    /** Records an action of an actor that is not (yet) the authenticated one, such as a login. */
    @Transactional
    void recordFor(AccountId account, Actor actor, String action, String target, String details) {
        entries.append(account, clock.instant(), actor.displayName(), actor.userId().orElse(null), action, target,
                details);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public List<AuditEntry> find(AuditFilter filter, PageSpec page) {
        return entries.find(TenantContext.requireAccount(), filter, page);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public int count(AuditFilter filter) {
        return entries.count(TenantContext.requireAccount(), filter);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public List<String> actions() {
        return entries.actions(TenantContext.requireAccount());
    }
}
