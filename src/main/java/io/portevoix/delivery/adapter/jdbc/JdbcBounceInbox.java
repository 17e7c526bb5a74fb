package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.RunId;
import io.portevoix.delivery.application.port.BounceInbox;
import io.portevoix.shared.AccountId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBounceInbox implements BounceInbox {

    private final JdbcClient jdbc;

    JdbcBounceInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Report r) {
        return jdbc.sql("""
                insert into delivery.bounce_inbox (report_id, kind, message_id, run_id, address, reason, source, at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (report_id) do nothing""")
                .params(r.reportId(), r.kind(), r.message(), r.run() == null ? null : r.run().value(), r.address(), r.reason(),
                        r.source(), Timestamp.from(r.at()))
                .update() == 1;
    }

    @Override
    public List<Waiting> waiting(AccountId account, int limit) {
        // row-level security of the join keeps the messages of other accounts out
        return jdbc.sql("""
                select i.id, i.kind, m.id, m.contact_id, m.address, m.campaign_id, m.run_id, i.reason, i.source, i.at
                from delivery.bounce_inbox i join delivery.message m on m.id = i.message_id
                  and (i.run_id is null or i.run_id = m.run_id)
                where i.handled_at is null and m.account_id = ? order by i.id limit ?""")
                .params(account.value(), limit)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        new ContactId(rs.getObject(4, UUID.class)), rs.getString(5), new CampaignId(rs.getObject(6, UUID.class)),
                        new RunId(rs.getObject(7, UUID.class)), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    @Override
    public boolean take(long id, Instant at) {
        return jdbc.sql("update delivery.bounce_inbox set handled_at = ? where id = ? and handled_at is null")
                .params(Timestamp.from(at), id).update() == 1;
    }

    @Override
    public void record(AccountId account, Waiting b) {
        jdbc.sql("""
                insert into delivery.bounce (account_id, message_id, address, type, reason, source, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(account.value(), b.message(), b.address(), b.kind(), b.reason(), b.source(), Timestamp.from(b.at()))
                .update();
        if (!"COMPLAINT".equals(b.kind())) {
            jdbc.sql("""
                    update delivery.message set state = 'BOUNCED', last_error = ?
                    where account_id = ? and id = ? and state in ('SENT', 'UNKNOWN', 'BOUNCED')""")
                    .params(b.reason(), account.value(), b.message()).update();
        }
    }

    @Override
    public boolean softInARow(AccountId account, String address, int count) {
        return jdbc.sql("""
                select count(*) = :count and coalesce(bool_and(coalesce(b.type = 'SOFT', false)), false)
                from (select m.id from delivery.message m where m.account_id = :account and lower(m.address) = lower(:address)
                        and m.state in ('SENT', 'BOUNCED') order by m.sent_at desc, m.id desc limit :count) latest
                left join lateral (select type from delivery.bounce b where b.account_id = :account and b.message_id = latest.id
                        and b.type <> 'COMPLAINT' order by b.at desc, b.id desc limit 1) b on true""")
                .param("count", count).param("account", account.value()).param("address", address)
                .query(Boolean.class).single();
    }

    @Override
    public int prune(Instant handledBefore, Instant unmatchedBefore) {
        return jdbc.sql("""
                delete from delivery.bounce_inbox where (handled_at is not null and handled_at < ?)
                  or (handled_at is null and at < ?)""")
                .params(Timestamp.from(handledBefore), Timestamp.from(unmatchedBefore)).update();
    }
}
