package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.delivery.application.port.SmsAccountSettings;
import io.portevoix.shared.AccountId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSmsAccountSettings implements SmsAccountSettings {

    private final JdbcClient jdbc;

    JdbcSmsAccountSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Options> find(AccountId account) {
        return jdbc.sql("select max_parts, gateway from delivery.sms_account where account_id = ?").params(account.value())
                .query((rs, n) -> new Options(rs.getInt(1), rs.getString(2))).optional();
    }

    @Override
    public void save(AccountId account, Options options) {
        jdbc.sql("""
                insert into delivery.sms_account (account_id, max_parts, gateway) values (?, ?, ?)
                on conflict (account_id) do update set max_parts = excluded.max_parts, gateway = excluded.gateway,
                  updated_at = now()""")
                .params(account.value(), options.maxParts(), options.gateway()).update();
    }
}
