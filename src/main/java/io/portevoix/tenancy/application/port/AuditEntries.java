package io.portevoix.tenancy.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The append-only audit log. */
public interface AuditEntries {

    void append(AccountId account, Instant at, String actor, @Nullable UserId actorUser, String action, String target,
            String details);

    List<AuditEntry> find(AccountId account, AuditFilter filter, PageSpec page);

    int count(AccountId account, AuditFilter filter);

    List<String> actions(AccountId account);
}
