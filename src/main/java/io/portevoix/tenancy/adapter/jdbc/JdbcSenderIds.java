package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.SenderIdDetails;
import io.portevoix.tenancy.SenderIdId;
import io.portevoix.tenancy.SenderIdStatus;
import io.portevoix.tenancy.application.port.SenderIds;
import io.portevoix.tenancy.domain.SenderId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSenderIds implements SenderIds {

    private static final String DETAILS = """
            select s.id, s.account_id, coalesce(a.name, '') as account_name, s.value, s.status, s.fee_cents,
                   s.requested_by, s.requested_at, s.decided_by, s.decided_at, s.decision_comment
            from tenancy.sender_id s left join tenancy.account a on a.id = s.account_id
            """;

    private final JdbcClient jdbc;

    JdbcSenderIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(SenderId s) {
        return jdbc.sql("""
                insert into tenancy.sender_id (id, account_id, value, status, fee_cents, requested_by, requested_at,
                  decided_by, decided_at, decision_comment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (account_id, upper(value)) where status in ('REQUESTED', 'APPROVED') do nothing""")
                .params(s.id().value(), s.accountId().value(), s.value(), s.status().name(), s.feeCents(),
                        s.requestedBy(), Timestamp.from(s.requestedAt()), s.decidedBy(), timestamp(s.decidedAt()),
                        s.decisionComment())
                .update() == 1;
    }

    @Override
    public boolean update(SenderId s, SenderIdStatus expected) {
        return jdbc.sql("""
                update tenancy.sender_id set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                where id = ? and account_id = ? and status = ?""")
                .params(s.status().name(), s.decidedBy(), timestamp(s.decidedAt()), s.decisionComment(), s.id().value(),
                        s.accountId().value(), expected.name())
                .update() == 1;
    }

    @Override
    public Optional<SenderId> find(SenderIdId id) {
        return jdbc.sql("""
                select id, account_id, value, status, fee_cents, requested_by, requested_at, decided_by, decided_at,
                       decision_comment
                from tenancy.sender_id where id = ?""")
                .param(id.value())
                .query((rs, n) -> SenderId.restore(new SenderIdId(rs.getObject("id", UUID.class)),
                        new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("value"),
                        SenderIdStatus.valueOf(rs.getString("status")), rs.getLong("fee_cents"),
                        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                        rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                        rs.getString("decision_comment")))
                .optional();
    }

    @Override
    public List<SenderIdDetails> list(AccountId account) {
        return jdbc.sql(DETAILS + " where s.account_id = ? order by s.requested_at desc, s.value")
                .param(account.value()).query(JdbcSenderIds::details).list();
    }

    @Override
    public List<String> approvedValues(AccountId account) {
        return jdbc.sql("select value from tenancy.sender_id where account_id = ? and status = 'APPROVED' order by value")
                .param(account.value()).query(String.class).list();
    }

    @Override
    public List<SenderIdDetails> all(@Nullable SenderIdStatus status) {
        return jdbc.sql(DETAILS + " where (cast(? as text) is null or s.status = ?) order by s.requested_at, s.value")
                .params(status == null ? null : status.name(), status == null ? null : status.name())
                .query(JdbcSenderIds::details).list();
    }

    private static SenderIdDetails details(ResultSet rs, int n) throws SQLException {
        return new SenderIdDetails(new SenderIdId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_name"),
                rs.getString("value"), SenderIdStatus.valueOf(rs.getString("status")),
                BigDecimal.valueOf(rs.getLong("fee_cents"), 2), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")), rs.getString("decision_comment"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
