package io.portevoix.templates.adapter.jdbc;

import io.portevoix.audience.Channel;
import io.portevoix.shared.AccountId;
import io.portevoix.templates.AutomationType;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.templates.TemplateSummary;
import io.portevoix.templates.application.port.Templates;
import io.portevoix.templates.domain.Template;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTemplates implements Templates {

    static final String DEFAULT_STOP_MENTION = "STOP au 36111";

    private final JdbcClient jdbc;

    JdbcTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Template template) {
        jdbc.sql("""
                insert into templates.template (account_id, id, channel, name, description, tags, automation_type, status,
                  locked, subject, preheader, html, editor_project, sms_text, source_account_id, source_template_id,
                  source_revision, modified_locally, published, revision, created_by, updated_by, created_at, updated_at)
                values (:account, :id, :channel, :name, :description, :tags, :automationType, :status, :locked, :subject,
                  :preheader, :html, :editorProject, :smsText, :sourceAccount, :sourceTemplate, :sourceRevision,
                  :modifiedLocally, :published, :revision, :createdBy, :updatedBy, :createdAt, :updatedAt)""")
                .params(params(template.snapshot())).update();
    }

    @Override
    public void update(Template template) {
        int updated = jdbc.sql("""
                update templates.template set name = :name, description = :description, tags = :tags,
                  automation_type = :automationType, status = :status, locked = :locked, subject = :subject,
                  preheader = :preheader, html = :html, editor_project = :editorProject, sms_text = :smsText,
                  source_revision = :sourceRevision, modified_locally = :modifiedLocally, published = :published,
                  revision = :revision, updated_by = :updatedBy, updated_at = :updatedAt
                where account_id = :account and id = :id""")
                .params(params(template.snapshot())).update();
        if (updated != 1) {
            throw new IllegalStateException("Template " + template.id() + " was not found");
        }
    }

    private Map<String, Object> params(Template.Snapshot s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("account", s.account().value());
        p.put("id", s.id().value());
        p.put("channel", s.channel().name());
        p.put("name", s.name());
        p.put("description", s.description());
        p.put("tags", s.tags().toArray(String[]::new));
        p.put("automationType", s.automationType() == null ? null : s.automationType().name());
        p.put("status", s.status().name());
        p.put("locked", s.locked());
        p.put("subject", s.email().subject());
        p.put("preheader", s.email().preheader());
        p.put("html", s.email().html());
        p.put("editorProject", s.email().editorProject());
        p.put("smsText", s.smsText());
        p.put("sourceAccount", s.source() == null ? null : s.source().account().value());
        p.put("sourceTemplate", s.source() == null ? null : s.source().template().value());
        p.put("sourceRevision", s.source() == null ? null : s.source().revision());
        p.put("modifiedLocally", s.modifiedLocally());
        p.put("published", s.published());
        p.put("revision", s.revision());
        p.put("createdBy", s.createdBy());
        p.put("updatedBy", s.updatedBy());
        p.put("createdAt", Timestamp.from(s.createdAt()));
        p.put("updatedAt", Timestamp.from(s.updatedAt()));
        return p;
    }

    @Override
    public Optional<Template> find(AccountId account, TemplateId id) {
        return jdbc.sql("select * from templates.template where account_id = ? and id = ?")
                .params(account.value(), id.value()).query((rs, n) -> template(rs)).optional();
    }

    @Override
    public Optional<Template> findCopyOf(AccountId account, TemplateId original) {
        return jdbc.sql("select * from templates.template where account_id = ? and source_template_id = ?")
                .params(account.value(), original.value()).query((rs, n) -> template(rs)).optional();
    }

    private static Template template(ResultSet rs) throws SQLException {
        UUID sourceTemplate = rs.getObject("source_template_id", UUID.class);
        String automation = rs.getString("automation_type");
        return Template.restore(new Template.Snapshot(new TemplateId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), Channel.valueOf(rs.getString("channel")),
                rs.getString("name"), rs.getString("description"), tags(rs.getArray("tags")),
                automation == null ? null : AutomationType.valueOf(automation), TemplateStatus.valueOf(rs.getString("status")),
                rs.getBoolean("locked"), new EmailContent(rs.getString("subject"), rs.getString("preheader"),
                        rs.getString("html"), rs.getString("editor_project")), rs.getString("sms_text"),
                sourceTemplate == null ? null : new Template.NetworkSource(
                        new AccountId(rs.getObject("source_account_id", UUID.class)), new TemplateId(sourceTemplate),
                        rs.getInt("source_revision")),
                rs.getBoolean("modified_locally"), rs.getBoolean("published"), rs.getInt("revision"),
                rs.getString("created_by"), rs.getString("updated_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant()));
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    @Override
    public List<TemplateSummary> list(AccountId account, TemplateFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select id, name, description, channel, tags, automation_type, status, locked,
                  source_template_id is not null as from_network, modified_locally, published, updated_by, updated_at
                from templates.template where account_id = :account""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", account.value());
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" and (name ilike :search escape '\\' or description ilike :search escape '\\')");
            params.put("search", "%" + filter.search().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.channel() != null) {
            sql.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and :tag = any(tags)");
            params.put("tag", filter.tag().strip().toLowerCase(java.util.Locale.ROOT));
        }
        sql.append(" order by updated_at desc, lower(name)");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String automation = rs.getString("automation_type");
            return new TemplateSummary(new TemplateId(rs.getObject("id", UUID.class)), rs.getString("name"),
                    rs.getString("description"), Channel.valueOf(rs.getString("channel")), tags(rs.getArray("tags")),
                    automation == null ? null : AutomationType.valueOf(automation),
                    TemplateStatus.valueOf(rs.getString("status")), rs.getBoolean("locked"), rs.getBoolean("from_network"),
                    rs.getBoolean("modified_locally"), rs.getBoolean("published"), rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant());
        }).list();
    }

    @Override
    public List<String> tags(AccountId account) {
        return jdbc.sql("select distinct unnest(tags) as tag from templates.template where account_id = ? order by 1")
                .param(account.value()).query(String.class).list();
    }

    @Override
    public void delete(AccountId account, TemplateId id) {
        jdbc.sql("delete from templates.template where account_id = ? and id = ?").params(account.value(), id.value())
                .update();
    }

    @Override
    public String stopMention(AccountId account) {
        return jdbc.sql("select sms_stop_mention from templates.settings where account_id = ?").param(account.value())
                .query(String.class).optional().orElse(DEFAULT_STOP_MENTION);
    }

    @Override
    public void saveStopMention(AccountId account, String mention) {
        jdbc.sql("""
                insert into templates.settings (account_id, sms_stop_mention) values (?, ?)
                on conflict (account_id) do update set sms_stop_mention = excluded.sms_stop_mention""")
                .params(account.value(), mention).update();
    }
}
