package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.delivery.application.port.EmailAccountSettings;
import io.portevoix.shared.AccountId;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEmailAccountSettings implements EmailAccountSettings {

    private final JdbcClient jdbc;

    JdbcEmailAccountSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Options> find(AccountId account) {
        return jdbc.sql("select smtp_servers, max_per_second, max_per_minute, max_per_hour from delivery.email_account"
                        + " where account_id = ?").params(account.value())
                .query((rs, n) -> new Options(uuids(rs.getArray(1)), rs.getObject(2, Integer.class),
                        rs.getObject(3, Integer.class), rs.getObject(4, Integer.class)))
                .optional();
    }

    @Override
    public void save(AccountId account, Options o) {
        jdbc.sql("""
                insert into delivery.email_account (account_id, smtp_servers, max_per_second, max_per_minute, max_per_hour)
                values (?, ?::uuid[], ?, ?, ?)
                on conflict (account_id) do update set smtp_servers = excluded.smtp_servers,
                  max_per_second = excluded.max_per_second, max_per_minute = excluded.max_per_minute,
                  max_per_hour = excluded.max_per_hour, updated_at = now()""")
                .params(account.value(), literal(o.servers()), o.perSecond(), o.perMinute(), o.perHour()).update();
    }

    /** A PostgreSQL array literal of ids ({@code {a,b}}). */
    static String literal(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    static List<UUID> uuids(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }
}
