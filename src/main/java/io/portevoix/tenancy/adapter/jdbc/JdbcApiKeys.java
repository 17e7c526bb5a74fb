package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.ApiKeyId;
import io.portevoix.tenancy.ApiKeySummary;
import io.portevoix.tenancy.application.port.ApiKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeys implements ApiKeys {

    private final JdbcClient jdbc;

    JdbcApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AccountId account, ApiKeyId id, String name, String prefix, String hash, AccessLevels levels,
            String createdBy, Instant at) {
        jdbc.sql("""
                insert into tenancy.api_key (account_id, id, name, prefix, key_hash, levels, created_by, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(account.value(), id.value(), name, prefix, hash, LevelsJson.write(levels), createdBy,
                        Timestamp.from(at))
                .update();
    }

    @Override
    public List<ApiKeySummary> list(AccountId account) {
        return jdbc.sql("""
                select id, name, prefix, levels::text as levels, created_by, created_at, last_used_at, revoked_at
                from tenancy.api_key where account_id = ? order by revoked_at nulls first, created_at desc""")
                .param(account.value())
                .query((rs, n) -> new ApiKeySummary(new ApiKeyId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("prefix"), LevelsJson.read(rs.getString("levels")), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public Optional<StoredKey> findByHash(String hash) {
        return DatabaseSession.withApiKeyHash(jdbc, hash, () -> jdbc
                .sql("select id, account_id, name, levels::text as levels, revoked_at from tenancy.api_key where key_hash = ?")
                .param(hash)
                .query((rs, n) -> new StoredKey(new ApiKeyId(rs.getObject("id", UUID.class)),
                        new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("name"),
                        LevelsJson.read(rs.getString("levels")), rs.getTimestamp("revoked_at") != null))
                .optional());
    }

    @Override
    public boolean revoke(AccountId account, ApiKeyId id, Instant at) {
        return jdbc.sql("update tenancy.api_key set revoked_at = ? where account_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(at), account.value(), id.value()).update() == 1;
    }

    @Override
    public void touch(AccountId account, ApiKeyId id, Instant at) {
        jdbc.sql("""
                update tenancy.api_key set last_used_at = ? where account_id = ? and id = ?
                  and (last_used_at is null or last_used_at < ?::timestamptz - interval '1 minute')""")
                .params(Timestamp.from(at), account.value(), id.value(), Timestamp.from(at)).update();
    }
}
