package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.application.port.SmtpServerTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSmtpServerTable implements SmtpServerTable {

    private static final String COLUMNS = "id, name, host, port, security, username, password_sealed, weight, max_per_second,"
            + " enabled, updated_at, updated_by";

    private final JdbcClient jdbc;

    JdbcSmtpServerTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> all() {
        return jdbc.sql("select " + COLUMNS + " from delivery.smtp_server order by lower(name)").query(JdbcSmtpServerTable::row)
                .list();
    }

    @Override
    public Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from delivery.smtp_server where id = ?").param(id)
                .query(JdbcSmtpServerTable::row).optional();
    }

    @Override
    public void save(Row r) {
        jdbc.sql("""
                insert into delivery.smtp_server (id, name, host, port, security, username, password_sealed, weight,
                  max_per_second, enabled, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, host = excluded.host, port = excluded.port,
                  security = excluded.security, username = excluded.username, password_sealed = excluded.password_sealed,
                  weight = excluded.weight, max_per_second = excluded.max_per_second, enabled = excluded.enabled,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(r.id(), r.name(), r.host(), r.port(), r.security().name(), r.user(), r.sealedPassword(), r.weight(),
                        r.maxPerSecond(), r.enabled(), Timestamp.from(r.updatedAt()), r.updatedBy())
                .update();
    }

    @Override
    public void delete(UUID id) {
        jdbc.sql("delete from delivery.smtp_server where id = ?").param(id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("host"), rs.getInt("port"),
                SmtpSecurity.valueOf(rs.getString("security")), rs.getString("username"), rs.getString("password_sealed"),
                rs.getInt("weight"), rs.getObject("max_per_second", Integer.class), rs.getBoolean("enabled"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
