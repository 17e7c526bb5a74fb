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

@Repository
class JdbcEvents implements Events {

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
    public java.util.Set<CampaignId> engagedCampaigns(AccountId account, ContactId contact, String kind) {
        return java.util.Set.copyOf(jdbc.sql("select campaign_id from tracking.engagement where account_id = ? and contact_id = ?"
                        + " and kind = ?")
                .params(account.value(), contact.value(), kind).query(java.util.UUID.class).list().stream()
                .map(CampaignId::new).toList());
    }

    @Override
    public EngagementFigures figures(AccountId account, CampaignId campaign) {
        List<EngagementFigures.LinkClicks> links = jdbc.sql("""
                select l.url, count(e.id), count(distinct e.contact_id) from tracking.link l
                left join tracking.event e on e.account_id = l.account_id and e.campaign_id = l.campaign_id
                  and e.link_number = l.number and e.kind = 'CLICK' and not e.machine
                where l.account_id = ? and l.campaign_id = ? group by l.number, l.url order by count(e.id) desc, l.number""")
                .params(account.value(), campaign.value())
                .query((rs, n) -> new EngagementFigures.LinkClicks(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        return jdbc.sql("""
                select count(*) filter (where kind = 'OPEN' and not machine),
                  count(distinct contact_id) filter (where kind in ('OPEN', 'CLICK') and not machine),
                  count(*) filter (where kind = 'CLICK' and not machine),
                  count(distinct contact_id) filter (where kind = 'CLICK' and not machine),
                  count(*) filter (where machine),
                  count(distinct contact_id) filter (where kind = 'UNSUBSCRIBE')
                from tracking.event where account_id = ? and campaign_id = ?""")
                .params(account.value(), campaign.value())
                .query((rs, n) -> new EngagementFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), links))
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
}
