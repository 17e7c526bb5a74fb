package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.CsvFormat;
import io.portevoix.audience.ExportId;
import io.portevoix.audience.ExportStatus;
import io.portevoix.audience.ExportSummary;
import io.portevoix.audience.application.port.Exports;
import io.portevoix.shared.AccountId;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcExports implements Exports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcExports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AccountId account, ExportRequest request) {
        jdbc.sql("""
                insert into audience.export_job (account_id, id, name, format, criteria, columns, status, created_by, created_at)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), 'QUEUED', ?, ?)""")
                .params(account.value(), request.id().value(), request.name(), request.format().name(),
                        JSON.writeValueAsString(request.criteria()), JSON.writeValueAsString(request.columns()),
                        request.createdBy(), Timestamp.from(request.createdAt()))
                .update();
    }

    @Override
    public Optional<ExportRequest> request(AccountId account, ExportId id) {
        return jdbc.sql("select * from audience.export_job where account_id = ? and id = ?").params(account.value(), id.value())
                .query((rs, n) -> new ExportRequest(id, rs.getString("name"), JSON.readValue(rs.getString("criteria"), Object.class),
                        JSON.readValue(rs.getString("columns"), new TypeReference<List<String>>() {
                        }), CsvFormat.valueOf(rs.getString("format")), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    @Override
    public void progress(AccountId account, ExportId id, ExportStatus status, long total, long written,
            @Nullable Instant finishedAt, @Nullable String failure) {
        jdbc.sql("""
                update audience.export_job set status = ?, total = ?, written = ?, finished_at = ?, failure = ?
                where account_id = ? and id = ?""")
                .params(status.name(), total, written, finishedAt == null ? null : Timestamp.from(finishedAt), failure,
                        account.value(), id.value())
                .update();
    }

    @Override
    public Optional<ExportSummary> find(AccountId account, ExportId id) {
        return jdbc.sql("select * from audience.export_job where account_id = ? and id = ?").params(account.value(), id.value())
                .query((rs, n) -> summary(rs)).optional();
    }

    @Override
    public List<ExportSummary> list(AccountId account) {
        return jdbc.sql("select * from audience.export_job where account_id = ? order by created_at desc limit 20")
                .param(account.value()).query((rs, n) -> summary(rs)).list();
    }

    private static ExportSummary summary(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ExportSummary(new ExportId(rs.getObject("id", UUID.class)), rs.getString("name"),
                CsvFormat.valueOf(rs.getString("format")), ExportStatus.valueOf(rs.getString("status")), rs.getLong("total"),
                rs.getLong("written"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
