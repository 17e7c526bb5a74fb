package io.portevoix.audience.adapter.jdbc;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.ImportIssue;
import io.portevoix.audience.ImportStatus;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.MappingPreset;
import io.portevoix.audience.StartImport;
import io.portevoix.audience.application.port.Imports;
import io.portevoix.shared.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcImports implements Imports {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ImportIssue>> ISSUES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> MAPPING = new TypeReference<>() {
    };
    private static final TypeReference<Map<Channel, Map<BroadcastType, Boolean>>> CONSENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    JdbcImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AccountId account, ImportId id, StartImport command, String createdBy, Instant at) {
        jdbc.sql("""
                insert into audience.import_job (account_id, id, status, file_name, list_name, update_existing, mapping,
                  default_consents, consent_source, content, created_by, created_at)
                values (?, ?, 'QUEUED', ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)""")
                .params(account.value(), id.value(), command.fileName(), command.listName(), command.updateExisting(),
                        JSON.writeValueAsString(command.mapping()), JSON.writeValueAsString(command.defaultConsents()),
                        command.consentSource().name(), command.content(), createdBy, Timestamp.from(at))
                .update();
    }

    @Override
    public Optional<Stored> stored(AccountId account, ImportId id) {
        return jdbc.sql("""
                select file_name, content, update_existing, mapping::text as mapping,
                  default_consents::text as default_consents, consent_source
                from audience.import_job where account_id = ? and id = ? and content is not null""")
                .params(account.value(), id.value())
                .query((rs, n) -> new Stored(id, rs.getString("file_name"), rs.getBytes("content"),
                        rs.getBoolean("update_existing"), JSON.readValue(rs.getString("mapping"), MAPPING),
                        JSON.readValue(rs.getString("default_consents"), CONSENTS),
                        ConsentSource.valueOf(rs.getString("consent_source"))))
                .optional();
    }

    @Override
    public void start(AccountId account, ImportId id) {
        jdbc.sql("""
                update audience.import_job set status = 'RUNNING', total = 0, created = 0, updated = 0, rejected = 0,
                  errors = '[]', warnings = '[]' where account_id = ? and id = ?""")
                .params(account.value(), id.value()).update();
    }

    @Override
    public void commitWithoutWaitingForDisk() {
        jdbc.sql("select set_config('synchronous_commit', 'off', true)").query(String.class).single();
    }

    @Override
    public void progress(AccountId account, ImportId id, int total, int created, int updated, int rejected,
            List<ImportIssue> newErrors, List<ImportIssue> newWarnings) {
        if (newErrors.isEmpty() && newWarnings.isEmpty()) {
            // the issue lists untouched: an update that leaves them is not a rewrite of them
            jdbc.sql("update audience.import_job set total = ?, created = ?, updated = ?, rejected = ? where account_id = ? and id = ?")
                    .params(total, created, updated, rejected, account.value(), id.value()).update();
            return;
        }
        jdbc.sql("""
                update audience.import_job set total = ?, created = ?, updated = ?, rejected = ?,
                  errors = errors || cast(? as jsonb), warnings = warnings || cast(? as jsonb)
                where account_id = ? and id = ?""")
                .params(total, created, updated, rejected, JSON.writeValueAsString(newErrors),
                        JSON.writeValueAsString(newWarnings), account.value(), id.value())
                .update();
    }

    @Override
    public void addMembers(AccountId account, ImportId id, Collection<ContactId> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into audience.import_member (account_id, import_id, contact_id)
                select ?, ?, contact_id from unnest(cast(? as uuid[])) as contact_id order by contact_id
                on conflict do nothing""")
                .params(account.value(), id.value(), ids(contacts)).update();
    }

    @Override
    public Set<ContactId> members(AccountId account, ImportId id, Collection<ContactId> contacts) {
        if (contacts.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select contact_id from audience.import_member
                where account_id = ? and import_id = ? and contact_id = any(cast(? as uuid[]))""")
                .params(account.value(), id.value(), ids(contacts))
                .query((rs, n) -> new ContactId(rs.getObject("contact_id", UUID.class))).list());
    }

    private static String[] ids(Collection<ContactId> contacts) {
        return contacts.stream().map(ContactId::toString).toArray(String[]::new);
    }

    @Override
    public void finish(AccountId account, ImportId id, Instant at) {
        jdbc.sql("""
                update audience.import_job set status = 'DONE', finished_at = ?, content = null
                where account_id = ? and id = ?""")
                .params(Timestamp.from(at), account.value(), id.value()).update();
    }

    @Override
    public void fail(AccountId account, ImportId id, String reason, Instant at) {
        jdbc.sql("""
                update audience.import_job set status = 'FAILED', failure = ?, finished_at = ?
                where account_id = ? and id = ?""")
                .params(reason == null ? "unknown" : reason, Timestamp.from(at), account.value(), id.value()).update();
    }

    @Override
    public Optional<ImportSummary> find(AccountId account, ImportId id) {
        return jdbc.sql(SELECT + " where account_id = ? and id = ?").params(account.value(), id.value())
                .query((rs, n) -> summary(rs)).optional();
    }

    @Override
    public List<ImportSummary> recent(AccountId account, int limit) {
        return jdbc.sql(SELECT + " where account_id = ? order by created_at desc limit ?").params(account.value(), limit)
                .query((rs, n) -> summary(rs)).list();
    }

    private static final String SELECT = """
            select id, status, file_name, list_name, update_existing, total, created, updated, rejected,
              errors::text as errors, warnings::text as warnings, failure, created_by, created_at, finished_at
            from audience.import_job""";

    private static ImportSummary summary(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportSummary(new ImportId(rs.getObject("id", UUID.class)), ImportStatus.valueOf(rs.getString("status")),
                rs.getString("file_name"), rs.getString("list_name"), rs.getBoolean("update_existing"),
                rs.getInt("total"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("rejected"),
                JSON.readValue(rs.getString("errors"), ISSUES), JSON.readValue(rs.getString("warnings"), ISSUES),
                rs.getString("failure"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    @Override
    public void savePreset(AccountId account, MappingPreset preset) {
        jdbc.sql("""
                insert into audience.import_preset (account_id, name, mapping, updated_by, updated_at)
                values (?, ?, cast(? as jsonb), ?, ?)
                on conflict (account_id, lower(name)) do update set name = excluded.name, mapping = excluded.mapping,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(account.value(), preset.name(), JSON.writeValueAsString(preset.mapping()), preset.updatedBy(),
                        Timestamp.from(preset.updatedAt()))
                .update();
    }

    @Override
    public List<MappingPreset> presets(AccountId account) {
        return jdbc.sql("select * from audience.import_preset where account_id = ? order by lower(name)")
                .param(account.value())
                .query((rs, n) -> new MappingPreset(rs.getString("name"), JSON.readValue(rs.getString("mapping"), MAPPING),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    @Override
    public boolean deletePreset(AccountId account, String name) {
        return jdbc.sql("delete from audience.import_preset where account_id = ? and lower(name) = lower(?)")
                .params(account.value(), name).update() == 1;
    }
}
