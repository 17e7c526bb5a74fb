package io.portevoix.tenancy.application;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.ApiKeyId;
import io.portevoix.tenancy.ApiKeyQueries;
import io.portevoix.tenancy.ApiKeySummary;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.CreatedApiKey;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.application.port.ApiKeys;
import io.portevoix.tenancy.domain.ApiKeySecret;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApiKeyService implements ApiKeyCommands, ApiKeyQueries {

    private final ApiKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(ApiKeys keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public CreatedApiKey create(String name, AccessLevels levels) {
        return create(name, levels, ApiKeySecret.generate());
    }

    /** Creates a key with a given secret (first-run provisioning). */
    @Transactional
    CreatedApiKey create(String name, AccessLevels levels, String secret) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("An API key needs a name of at most 200 characters");
        }
        ApiKeySecret.requireAcceptable(secret);
        AccountId account = TenantContext.requireAccount();
        ApiKeyId id = ApiKeyId.random();
        String createdBy = TenantContext.currentActor().map(Actor::displayName).orElse("system");
        keys.insert(account, id, name.strip(), ApiKeySecret.displayPrefix(secret), ApiKeySecret.hash(secret), levels,
                createdBy, clock.instant());
        audit.record("apikey.create", name.strip(), levels.levels().toString());
        return new CreatedApiKey(id, name.strip(), secret);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public void revoke(ApiKeyId key) {
        AccountId account = TenantContext.requireAccount();
        ApiKeySummary summary = keys.list(account).stream().filter(k -> k.id().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No such API key"));
        keys.revoke(account, key, clock.instant());
        audit.record("apikey.revoke", summary.name(), "");
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public List<ApiKeySummary> list() {
        return keys.list(TenantContext.requireAccount());
    }

    @Override
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return keys.findByHash(ApiKeySecret.hash(secret.strip())).filter(k -> !k.revoked()).map(k -> {
            TenantContext.runAs(k.accountId(), () -> keys.touch(k.accountId(), k.id(), clock.instant()));
            return new ApiKeyActor(k.id(), k.accountId(), k.name(), k.levels());
        });
    }
}
