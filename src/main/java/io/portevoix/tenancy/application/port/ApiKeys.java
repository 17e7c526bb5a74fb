package io.portevoix.tenancy.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.ApiKeyId;
import io.portevoix.tenancy.ApiKeySummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, stored by hash. */
public interface ApiKeys {

    /** What authentication needs of a key. */
    record StoredKey(ApiKeyId id, AccountId accountId, String name, AccessLevels levels, boolean revoked) {
    }

    void insert(AccountId account, ApiKeyId id, String name, String prefix, String hash, AccessLevels levels,
            String createdBy, Instant at);

    List<ApiKeySummary> list(AccountId account);

    Optional<StoredKey> findByHash(String hash);

    boolean revoke(AccountId account, ApiKeyId id, Instant at);

    void touch(AccountId account, ApiKeyId id, Instant at);
}
