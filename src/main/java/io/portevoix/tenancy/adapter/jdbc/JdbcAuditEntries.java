package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.UserId;
import io.portevoix.tenancy.application.port.AuditEntries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditEntries implements AuditEntries {

    private final JdbcClient jdbc;

    JdbcAuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AccountId account, Instant at, String actor, @Nullable UserId actorUser, String action,
            String target, String details) {
        jdbc.sql("""
                insert into tenancy.audit_entry (account_id, at, actor, actor_user_id, action, target, details)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(account.value(), Timestamp.from(at), actor, actorUser == null ? null : actorUser.value(), action,
                        target, details)
                .update();
    }

    @Override
    public List<AuditEntry> find(AccountId account, AuditFilter filter, PageSpec page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(account, filter, params);
        return jdbc.sql("select id, at, actor, action, target, details from tenancy.audit_entry " + where
                        + " order by at desc, id desc offset :offset limit :limit")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details")))
                .list();
    }

    @Override
    public int count(AccountId account, AuditFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from tenancy.audit_entry " + where(account, filter, params)).params(params)
                .query(Integer.class).single();
    }

    @Override
    public List<String> actions(AccountId account) {
        return jdbc.sql("select distinct action from tenancy.audit_entry where account_id = ? order by action")
                .param(account.value()).query(String.class).list();
    }

    private static String where(AccountId account, AuditFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("where account_id = :account");
        params.put("account", account.value());
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor ilike :actor");
            params.put("actor", "%" + escape(filter.actor().strip()) + "%");
        }
        if (filter.from() != null) {
            where.append(" and at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (target ilike :text or details ilike :text)");
            params.put("text", "%" + escape(filter.text().strip()) + "%");
        }
        return where.toString();
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
