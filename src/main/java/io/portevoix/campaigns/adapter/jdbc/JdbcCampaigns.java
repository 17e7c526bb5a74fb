package io.portevoix.campaigns.adapter.jdbc;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.RunStatus;
import io.portevoix.campaigns.application.port.Campaigns;
import io.portevoix.shared.AccountId;
import io.portevoix.templates.TemplateId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcCampaigns implements Campaigns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AccountId account, CampaignDetails c) {
        jdbc.sql("""
                insert into campaigns.campaign (account_id, id, name, description, channel, broadcast_type, audience,
                  subject, preheader, html, text_body, template_id, from_name, from_email, reply_to, sender_id, status,
                  send_at, created_by, submitted_by, reviewed_by, review_comment, current_run, created_at, updated_at)
                values (:account, :id, :name, :description, :channel, :type, cast(:audience as jsonb), :subject, :preheader,
                  :html, :text, :template, :fromName, :fromEmail, :replyTo, :senderId, :status, :sendAt, :createdBy,
                  :submittedBy, :reviewedBy, :reviewComment, :currentRun, :createdAt, :updatedAt)""")
                .params(params(account, c)).update();
    }

    @Override
    public void update(AccountId account, CampaignDetails c) {
        jdbc.sql("""
                update campaigns.campaign set name = :name, description = :description, channel = :channel,
                  broadcast_type = :type, audience = cast(:audience as jsonb), subject = :subject, preheader = :preheader,
                  html = :html, text_body = :text, template_id = :template, from_name = :fromName, from_email = :fromEmail,
                  reply_to = :replyTo, sender_id = :senderId, status = :status, send_at = :sendAt,
                  submitted_by = :submittedBy, reviewed_by = :reviewedBy, review_comment = :reviewComment,
                  current_run = :currentRun, updated_at = :updatedAt
                where account_id = :account and id = :id""")
                .params(params(account, c)).update();
    }

    private static Map<String, Object> params(AccountId account, CampaignDetails c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("account", account.value());
        p.put("id", c.id().value());
        p.put("name", c.name());
        p.put("description", c.description());
        p.put("channel", c.channel().name());
        p.put("type", c.broadcastType().name());
        p.put("audience", JSON.writeValueAsString(c.audience().toJson()));
        CampaignContent content = c.content();
        p.put("subject", content.subject());
        p.put("preheader", content.preheader());
        p.put("html", content.html());
        p.put("text", content.text());
        p.put("template", content.templateId() == null ? null : content.templateId().value());
        p.put("fromName", content.fromName());
        p.put("fromEmail", content.fromEmail());
        p.put("replyTo", content.replyTo());
        p.put("senderId", content.senderId());
        p.put("status", c.status().name());
        p.put("sendAt", c.sendAt() == null ? null : Timestamp.from(c.sendAt()));
        p.put("createdBy", c.createdBy());
        p.put("submittedBy", c.submittedBy());
        p.put("reviewedBy", c.reviewedBy());
        p.put("reviewComment", c.reviewComment());
        p.put("currentRun", c.currentRun() == null ? null : c.currentRun().value());
        p.put("createdAt", Timestamp.from(c.createdAt()));
        p.put("updatedAt", Timestamp.from(c.updatedAt()));
        return p;
    }

    private static CampaignDetails campaign(ResultSet rs) throws SQLException {
        UUID template = rs.getObject("template_id", UUID.class);
        UUID run = rs.getObject("current_run", UUID.class);
        Timestamp sendAt = rs.getTimestamp("send_at");
        return new CampaignDetails(new CampaignId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("description"), Channel.valueOf(rs.getString("channel")),
                BroadcastType.valueOf(rs.getString("broadcast_type")),
                Audience.fromJson(JSON.readValue(rs.getString("audience"), Object.class)),
                new CampaignContent(rs.getString("subject"), rs.getString("preheader"), rs.getString("html"),
                        rs.getString("text_body"), template == null ? null : new TemplateId(template),
                        rs.getString("from_name"), rs.getString("from_email"), rs.getString("reply_to"),
                        rs.getString("sender_id")),
                CampaignStatus.valueOf(rs.getString("status")), sendAt == null ? null : sendAt.toInstant(),
                rs.getString("created_by"), rs.getString("submitted_by"), rs.getString("reviewed_by"),
                rs.getString("review_comment"), run == null ? null : new RunId(run),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    @Override
    public Optional<CampaignDetails> lock(AccountId account, CampaignId id) {
        return jdbc.sql("select * from campaigns.campaign where account_id = ? and id = ? for update")
                .params(account.value(), id.value()).query((rs, n) -> campaign(rs)).optional();
    }

    @Override
    public Optional<CampaignDetails> find(AccountId account, CampaignId id) {
        return jdbc.sql("select * from campaigns.campaign where account_id = ? and id = ?")
                .params(account.value(), id.value()).query((rs, n) -> campaign(rs)).optional();
    }

    @Override
    public List<CampaignDetails> list(AccountId account, CampaignFilter filter) {
        List<String> where = new ArrayList<>(List.of("account_id = :account"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("account", account.value());
        where.add(filter.archived() ? "status = 'ARCHIVED'" : "status <> 'ARCHIVED'");
        if (filter.search() != null && !filter.search().isBlank()) {
            where.add("(lower(name) like :search or lower(subject) like :search)");
            p.put("search", "%" + filter.search().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            where.add("status = :status");
            p.put("status", filter.status().name());
        }
        if (filter.channel() != null) {
            where.add("channel = :channel");
            p.put("channel", filter.channel().name());
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            where.add("created_by = :author");
            p.put("author", filter.author());
        }
        if (filter.from() != null) {
            where.add("updated_at >= :from");
            p.put("from", Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.add("updated_at < :to");
            p.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return jdbc.sql("select * from campaigns.campaign where " + String.join(" and ", where)
                        + " order by updated_at desc limit 1000")
                .params(p).query((rs, n) -> campaign(rs)).list();
    }

    @Override
    public boolean delete(AccountId account, CampaignId id) {
        return jdbc.sql("delete from campaigns.campaign where account_id = ? and id = ?").params(account.value(), id.value())
                .update() == 1;
    }

    @Override
    public List<CampaignId> due(AccountId account, Instant now) {
        return jdbc.sql("select id from campaigns.campaign where account_id = ? and status = 'SCHEDULED' and send_at <= ?")
                .params(account.value(), Timestamp.from(now)).query(UUID.class).list().stream().map(CampaignId::new).toList();
    }

    @Override
    public long count(AccountId account, CampaignStatus status) {
        return jdbc.sql("select count(*) from campaigns.campaign where account_id = ? and status = ?")
                .params(account.value(), status.name()).query(Long.class).single();
    }

    @Override
    public void insertRun(AccountId account, StoredRun run) {
        jdbc.sql("""
                insert into campaigns.run (account_id, id, campaign_id, number, status, author, started_at, targeted,
                  reserved, broadcast_type, template_name, audience)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(account.value(), run.id().value(), run.campaign().value(), run.number(), run.status().name(),
                        run.author(), Timestamp.from(run.startedAt()), run.targeted(), run.reserved(), run.broadcastType(),
                        run.templateName(), JSON.writeValueAsString(run.audience()))
                .update();
    }

    @Override
    public void updateRun(AccountId account, RunId id, RunStatus status, long reserved, @Nullable Instant finishedAt) {
        jdbc.sql("update campaigns.run set status = ?, reserved = ?, finished_at = ? where account_id = ? and id = ?")
                .params(status.name(), reserved, finishedAt == null ? null : Timestamp.from(finishedAt), account.value(),
                        id.value())
                .update();
    }

    @Override
    public Optional<StoredRun> run(AccountId account, RunId id) {
        return jdbc.sql("select * from campaigns.run where account_id = ? and id = ?").params(account.value(), id.value())
                .query((rs, n) -> run(rs)).optional();
    }

    @Override
    public java.util.Map<RunId, io.portevoix.campaigns.RunLabel> runLabels(AccountId account, java.util.Collection<RunId> runs) {
        java.util.Map<RunId, io.portevoix.campaigns.RunLabel> labels = new java.util.HashMap<>();
        jdbc.sql("select r.id, c.id, c.name, c.channel from campaigns.run r join campaigns.campaign c on c.id = r.campaign_id"
                        + " where r.account_id = ? and r.id = any(?)")
                .params(account.value(), runs.stream().map(RunId::value).toArray(UUID[]::new))
                .query((rs, n) -> new io.portevoix.campaigns.RunLabel(new RunId(rs.getObject(1, UUID.class)),
                        new CampaignId(rs.getObject(2, UUID.class)), rs.getString(3),
                        io.portevoix.audience.Channel.valueOf(rs.getString(4))))
                .list().forEach(l -> labels.put(l.run(), l));
        return labels;
    }

    @Override
    public List<StoredRun> runs(AccountId account, CampaignId campaign) {
        return jdbc.sql("select * from campaigns.run where account_id = ? and campaign_id = ? order by number desc")
                .params(account.value(), campaign.value()).query((rs, n) -> run(rs)).list();
    }

    private static StoredRun run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new StoredRun(new RunId(rs.getObject("id", UUID.class)), new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getInt("number"), RunStatus.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("author"), rs.getLong("targeted"),
                rs.getLong("reserved"), rs.getString("broadcast_type"), rs.getString("template_name"),
                JSON.readValue(rs.getString("audience"), Object.class));
    }

    @Override
    public java.util.Set<String> excludedCountries(AccountId account, CampaignId id) {
        return jdbc.sql("select unnest(excluded_countries) from campaigns.campaign where account_id = ? and id = ?")
                .params(account.value(), id.value()).query(String.class).set();
    }

    @Override
    public List<java.util.UUID> smtpServers(AccountId account, CampaignId id) {
        return jdbc.sql("select unnest(smtp_servers) from campaigns.campaign where account_id = ? and id = ?")
                .params(account.value(), id.value()).query(java.util.UUID.class).list();
    }

    @Override
    public void chooseSmtpServers(AccountId account, CampaignId id, List<java.util.UUID> servers) {
        jdbc.sql("update campaigns.campaign set smtp_servers = ?::uuid[] where account_id = ? and id = ?")
                .params("{" + String.join(",", servers.stream().map(java.util.UUID::toString).toList()) + "}",
                        account.value(), id.value()).update();
    }

    @Override
    public void excludeCountries(AccountId account, CampaignId id, java.util.Set<String> countries) {
        jdbc.sql("update campaigns.campaign set excluded_countries = ? where account_id = ? and id = ?")
                .params(countries.stream().sorted().toArray(String[]::new), account.value(), id.value()).update();
    }
}
