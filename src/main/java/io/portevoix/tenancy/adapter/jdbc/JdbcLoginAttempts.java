package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.tenancy.application.port.LoginAttempts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLoginAttempts implements LoginAttempts {

    private final JdbcClient jdbc;

    JdbcLoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String loginHash, Instant at, boolean success) {
        jdbc.sql("insert into tenancy.login_attempt (login_hash, at, success) values (?, ?, ?)")
                .params(loginHash, Timestamp.from(at), success).update();
        jdbc.sql("delete from tenancy.login_attempt where login_hash = ? and at < ?::timestamptz - interval '1 day'")
                .params(loginHash, Timestamp.from(at)).update();
    }

    @Override
    public List<Instant> failuresSince(String loginHash, Instant since) {
        return jdbc.sql("select at from tenancy.login_attempt where login_hash = ? and at >= ? and not success")
                .params(loginHash, Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp("at").toInstant()).list();
    }
}
