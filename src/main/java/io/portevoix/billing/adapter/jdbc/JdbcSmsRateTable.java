package io.portevoix.billing.adapter.jdbc;

import io.portevoix.billing.SmsRate;
import io.portevoix.billing.application.port.SmsRateTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSmsRateTable implements SmsRateTable {

    private final JdbcClient jdbc;

    JdbcSmsRateTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SmsRate> all() {
        return jdbc.sql("select country, credits_per_part, updated_at, updated_by from billing.sms_rate order by country")
                .query(JdbcSmsRateTable::rate).list();
    }

    @Override
    public Optional<SmsRate> find(String country) {
        return jdbc.sql("select country, credits_per_part, updated_at, updated_by from billing.sms_rate where country = ?")
                .param(country).query(JdbcSmsRateTable::rate).optional();
    }

    @Override
    public SmsRate save(String country, int creditsPerPart, Instant at, String by) {
        return jdbc.sql("""
                insert into billing.sms_rate (country, credits_per_part, updated_at, updated_by) values (?, ?, ?, ?)
                on conflict (country) do update set credits_per_part = excluded.credits_per_part,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by
                returning country, credits_per_part, updated_at, updated_by""")
                .params(country, creditsPerPart, Timestamp.from(at), by)
                .query(JdbcSmsRateTable::rate).single();
    }

    @Override
    public boolean delete(String country) {
        return jdbc.sql("delete from billing.sms_rate where country = ?").param(country).update() == 1;
    }

    private static SmsRate rate(ResultSet rs, int n) throws SQLException {
        return new SmsRate(rs.getString("country"), rs.getInt("credits_per_part"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
