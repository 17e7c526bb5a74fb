package io.portevoix.tracking.adapter.jdbc;

import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.spi.EngagementFigures;
import io.portevoix.shared.AccountId;
import io.portevoix.tracking.application.port.Events;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hits in PostgreSQL. tracking.event is partitioned by month on the time of the hit: queries
 * bounded in time read only their months; a campaign's or member's queries use each month's
 * index. Once a campaign is summarized (before retention deletes its old hits), its figures come
 * from tracking.campaign_summary and tracking.link_summary, computed by the same SQL as live ones.
 */
@Repository
class JdbcEvents implements Events {

    /** The clicks of each link of a campaign, people only: live, and what {@link #summarize} keeps. */
    private static final String LINK_FIGURES = """
            select l.number, l.url, count(e.id) as clicks, count(distinct e.contact_id) as unique_clicks from tracking.link l
            left join tracking.event e on e.account_id = l.account_id and e.campaign_id = l.campaign_id
              and e.link_number = l.number and e.kind = 'CLICK' and not e.machine
            where l.account_id = :account and l.campaign_id = :campaign group by l.number, l.url""";

    /** A campaign's engagement: live, and what {@link #summarize} keeps. */
    private static final String FIGURES = """
            select count(*) filter (where kind = 'OPEN' and not machine),
              count(distinct contact_id) filter (where kind in ('OPEN', 'CLICK') and not machine),
              count(*) filter (where kind = 'CLICK' and not machine),
              count(distinct contact_id) filter (where kind = 'CLICK' and not machine),
              count(*) filter (where machine),
              count(distinct contact_id) filter (where kind = 'UNSUBSCRIBE')
            from tracking.event where account_id = :account and campaign_id = :campaign""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcEvents(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public int linkNumber(AccountId account, CampaignId campaign, String url) {
        jdbc.sql("""
                insert into tracking.link (account_id, campaign_id, number, url)
                select ?, ?, coalesce(max(number), 0) + 1, ? from tracking.link where campaign_id = ?
                on conflict do nothing""")
                .params(account.value(), campaign.value(), url, campaign.value()).update();
        return jdbc.sql("select number from tracking.link where account_id = ? and campaign_id = ? and url = ?")
                .params(account.value(), campaign.value(), url).query(Integer.class).single();
    }

    @Override
    public Optional<String> url(AccountId account, CampaignId campaign, int number) {
        return jdbc.sql("select url from tracking.link where account_id = ? and campaign_id = ? and number = ?")
                .params(account.value(), campaign.value(), number).query(String.class).optional();
    }

    @Override
    public void insert(AccountId account, List<Event> events) {
        template.batchUpdate("""
                insert into tracking.event (account_id, campaign_id, contact_id, kind, link_number, machine, user_agent, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", events, 1_000, (ps, e) -> {
            ps.setObject(1, account.value());
            ps.setObject(2, e.campaign().value());
            ps.setObject(3, e.contact().value());
            ps.setString(4, e.kind());
            if (e.link() == null) {
                ps.setNull(5, Types.INTEGER);
            } else {
                ps.setInt(5, e.link());
            }
            ps.setBoolean(6, e.machine());
            ps.setString(7, e.userAgent().length() > 500 ? e.userAgent().substring(0, 500) : e.userAgent());
            ps.setTimestamp(8, Timestamp.from(e.at()));
        });
    }

    @Override
    public int flagBursts(AccountId account, java.util.Collection<Recipient> recipients, java.time.Instant since,
            java.time.Duration window, int minLinks) {
        if (recipients.isEmpty()) {
            return 0;
        }
        double seconds = window.toNanos() / 1e9;
        // a window opens at each recent click; one that holds every link of the campaign is a burst
        String sql = """
                with r (campaign_id, contact_id) as (select * from unnest(?::uuid[], ?::uuid[])),
                links as (
                  select campaign_id, count(*) as n from tracking.link
                  where account_id = ? and campaign_id in (select campaign_id from r)
                  group by campaign_id having count(*) >= ?),
                recent as (
                  select e.id, e.campaign_id, e.contact_id, e.link_number, e.at from tracking.event e
                  join r on r.campaign_id = e.campaign_id and r.contact_id = e.contact_id
                  where e.account_id = ? and e.kind = 'CLICK' and e.at >= ?),
                bursts as (
                  select s.campaign_id, s.contact_id, s.at as start from recent s join links l on l.campaign_id = s.campaign_id
                  where (select count(distinct w.link_number) from recent w where w.campaign_id = s.campaign_id
                    and w.contact_id = s.contact_id and w.at >= s.at and w.at < s.at + make_interval(secs => ?)) >= l.n)
                update tracking.event e set machine = true from recent c
                where e.id = c.id and e.at = c.at and e.at >= ? and not e.machine and exists (select 1 from bursts b where b.campaign_id = c.campaign_id
                  and b.contact_id = c.contact_id and c.at >= b.start and c.at < b.start + make_interval(secs => ?))""";
        return template.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf("uuid", recipients.stream().map(r -> r.campaign().value()).toArray()));
            ps.setArray(2, con.createArrayOf("uuid", recipients.stream().map(r -> r.contact().value()).toArray()));
            ps.setObject(3, account.value());
            ps.setInt(4, minLinks);
            ps.setObject(5, account.value());
            ps.setTimestamp(6, Timestamp.from(since));
            ps.setDouble(7, seconds);
            ps.setTimestamp(8, Timestamp.from(since));
            ps.setDouble(9, seconds);
            return ps;
        });
    }

    @Override
    public List<io.portevoix.tracking.OpensBucket> opensOverTime(AccountId account, CampaignId campaign, java.time.Instant from,
            java.time.Duration bucket, int buckets) {
        double seconds = bucket.toNanos() / 1e9;
        java.time.Instant last = from.plus(bucket.multipliedBy(buckets - 1L));
        return jdbc.sql("""
                with hits as (
                  select date_bin(make_interval(secs => :seconds), at, :from::timestamptz) as start,
                    count(*) filter (where kind = 'OPEN' and not machine) as human,
                    count(*) filter (where kind = 'OPEN' and machine) as machine,
                    count(*) filter (where kind = 'VIEW' and not machine) as views
                  from tracking.event where account_id = :account and campaign_id = :campaign and kind in ('OPEN', 'VIEW')
                    and at >= :from::timestamptz and at < :end::timestamptz
                  group by 1)
                select s.start, coalesce(h.human, 0), coalesce(h.machine, 0), coalesce(h.views, 0)
                from generate_series(:from::timestamptz, :last::timestamptz, make_interval(secs => :seconds)) as s (start)
                left join hits h on h.start = s.start order by s.start""")
                .param("seconds", seconds).param("from", Timestamp.from(from)).param("last", Timestamp.from(last))
                .param("end", Timestamp.from(last.plus(bucket))).param("account", account.value())
                .param("campaign", campaign.value())
                .query((rs, n) -> new io.portevoix.tracking.OpensBucket(rs.getTimestamp(1).toInstant(), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)))
                .list();
    }

    @Override
    public java.util.Set<CampaignId> engagedCampaigns(AccountId account, ContactId contact, String kind) {
        return java.util.Set.copyOf(jdbc.sql("select campaign_id from tracking.engagement where account_id = ? and contact_id = ?"
                        + " and kind = ?")
                .params(account.value(), contact.value(), kind).query(java.util.UUID.class).list().stream()
                .map(CampaignId::new).toList());
    }

    @Override
    public EngagementFigures figures(AccountId account, CampaignId campaign) {
        boolean kept = jdbc.sql("select exists (select 1 from tracking.campaign_summary where account_id = ? and campaign_id = ?)")
                .params(account.value(), campaign.value()).query(Boolean.class).single();
        String links = kept
                ? "select number, url, clicks, unique_clicks from tracking.link_summary where account_id = :account and campaign_id = :campaign"
                : LINK_FIGURES;
        String figures = kept ? "select opens, unique_opens, clicks, unique_clicks, machine_events, unsubscribes"
                + " from tracking.campaign_summary where account_id = :account and campaign_id = :campaign" : FIGURES;
        List<EngagementFigures.LinkClicks> clicks = jdbc.sql("select url, clicks, unique_clicks from (" + links
                        + ") l order by clicks desc, number")
                .param("account", account.value()).param("campaign", campaign.value())
                .query((rs, n) -> new EngagementFigures.LinkClicks(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        return jdbc.sql(figures)
                .param("account", account.value()).param("campaign", campaign.value())
                .query((rs, n) -> new EngagementFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), clicks))
                .single();
    }

    @Override
    public List<Long> insertShortLinks(AccountId account, CampaignId campaign, List<ContactId> contacts, List<Integer> links) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('tracking.short_link', 'id')) from generate_series(1, ?)")
                .params(contacts.size()).query(Long.class).list();
        List<Object[]> rows = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {ids.get(i), account.value(), campaign.value(), contacts.get(i).value(), links.get(i)});
        }
        template.batchUpdate("insert into tracking.short_link (id, account_id, campaign_id, contact_id, link_number)"
                + " overriding system value values (?, ?, ?, ?, ?)", rows);
        return ids;
    }

    @Override
    public Optional<ShortLink> shortLink(long id) {
        jdbc.sql("select set_config('portevoix.short_link', ?, true)").params(Long.toString(id)).query(String.class).single();
        return jdbc.sql("select account_id, campaign_id, contact_id, link_number from tracking.short_link where id = ?")
                .params(id)
                .query((rs, n) -> new ShortLink(new AccountId(rs.getObject(1, java.util.UUID.class)),
                        new CampaignId(rs.getObject(2, java.util.UUID.class)), new ContactId(rs.getObject(3, java.util.UUID.class)),
                        rs.getInt(4)))
                .optional();
    }

    @Override
    public int preparePartitions(java.time.Instant from, int months) {
        return jdbc.sql("select tracking.create_event_partitions(?, ?)").params(Timestamp.from(from), months)
                .query(Integer.class).single();
    }

    @Override
    public int dropPartitionsBefore(java.time.Instant before) {
        return jdbc.sql("select tracking.drop_event_partitions(?)").params(Timestamp.from(before)).query(Integer.class).single();
    }

    @Override
    public List<CampaignId> campaignsToSummarize(AccountId account, java.time.Instant before) {
        return jdbc.sql("""
                select distinct e.campaign_id from tracking.event e where e.account_id = ? and e.at < ?
                  and not exists (select 1 from tracking.campaign_summary s where s.campaign_id = e.campaign_id)""")
                .params(account.value(), Timestamp.from(before)).query(java.util.UUID.class).list().stream()
                .map(CampaignId::new).toList();
    }

    @Override
    public void summarize(AccountId account, CampaignId campaign, java.time.Instant at) {
        jdbc.sql("insert into tracking.link_summary (number, url, clicks, unique_clicks, account_id, campaign_id)"
                        + " select f.*, :account, :campaign from (" + LINK_FIGURES + ") f on conflict do nothing")
                .param("account", account.value()).param("campaign", campaign.value()).update();
        jdbc.sql("insert into tracking.campaign_summary (opens, unique_opens, clicks, unique_clicks, machine_events, unsubscribes,"
                        + " account_id, campaign_id, summarized_at) select f.*, :account, :campaign, :at from (" + FIGURES + ") f"
                        + " on conflict do nothing")
                .param("account", account.value()).param("campaign", campaign.value()).param("at", Timestamp.from(at)).update();
    }

    @Override
    public int deleteBefore(AccountId account, java.time.Instant before, int limit) {
        return jdbc.sql("""
                with doomed as (select id, at from tracking.event where account_id = :account and at < :before limit :limit)
                delete from tracking.event e using doomed d
                where e.account_id = :account and e.at < :before and e.id = d.id and e.at = d.at""")
                .param("account", account.value()).param("before", Timestamp.from(before)).param("limit", limit).update();
    }
}
