package io.portevoix.delivery.adapter.jdbc;

import io.portevoix.audience.ContactId;
import io.portevoix.audience.Recipient;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.delivery.application.port.Messages;
import io.portevoix.shared.AccountId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMessages implements Messages {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcMessages(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public int insert(AccountId account, RunId run, io.portevoix.campaigns.CampaignId campaign, List<Recipient> recipients) {
        int[][] counts = template.batchUpdate("""
                insert into delivery.message (account_id, run_id, contact_id, address, campaign_id) values (?, ?, ?, ?, ?)
                on conflict (run_id, contact_id) do nothing""", recipients, 1_000, (ps, r) -> {
            ps.setObject(1, account.value());
            ps.setObject(2, run.value());
            ps.setObject(3, r.contactId().value());
            ps.setString(4, r.address());
            ps.setObject(5, campaign.value());
        });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                inserted += Math.max(n, 0);
            }
        }
        return inserted;
    }

    @Override
    public boolean frozen(AccountId account, RunId run) {
        return jdbc.sql("select exists (select 1 from delivery.message where account_id = ? and run_id = ?)")
                .params(account.value(), run.value()).query(Boolean.class).single();
    }

    @Override
    public RunFigures figures(AccountId account, RunId run) {
        return jdbc.sql("""
                select count(*), count(*) filter (where state in ('PENDING', 'SENDING')), count(*) filter (where state = 'SENDING'),
                  count(*) filter (where state = 'SENT'),
                  count(*) filter (where state = 'FAILED'), count(*) filter (where state = 'UNKNOWN')
                from delivery.message where account_id = ? and run_id = ?""")
                .params(account.value(), run.value())
                .query((rs, n) -> new RunFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .single();
    }

    @Override
    public List<Claimed> claim(AccountId account, RunId run, int limit, String claimer, Instant now) {
        return jdbc.sql("""
                update delivery.message m set state = 'SENDING', claimed_by = :claimer, attempts = m.attempts + 1
                where m.id in (select id from delivery.message where account_id = :account and run_id = :run
                  and state = 'PENDING' and next_attempt_at <= :now order by next_attempt_at, id limit :limit
                  for update skip locked)
                returning m.id, m.contact_id, m.address, m.attempts""")
                .param("claimer", claimer).param("account", account.value()).param("run", run.value())
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), new ContactId(rs.getObject(2, UUID.class)), rs.getString(3),
                        rs.getInt(4)))
                .list();
    }

    @Override
    public void sent(AccountId account, Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("update delivery.message set state = 'SENT', sent_at = :at, last_error = '' where account_id = :account"
                            + " and id in (:ids)")
                    .param("at", Timestamp.from(at)).param("account", account.value()).param("ids", ids).update();
        }
    }

    @Override
    public void retry(AccountId account, long id, Instant next, String error) {
        jdbc.sql("update delivery.message set state = 'PENDING', next_attempt_at = ?, last_error = ? where account_id = ? and id = ?")
                .params(Timestamp.from(next), error, account.value(), id).update();
    }

    @Override
    public void failed(AccountId account, long id, String error) {
        jdbc.sql("update delivery.message set state = 'FAILED', last_error = ? where account_id = ? and id = ?")
                .params(error, account.value(), id).update();
    }

    @Override
    public int orphansToUnknown(AccountId account, String liveClaimer) {
        return jdbc.sql("update delivery.message set state = 'UNKNOWN' where account_id = ? and state = 'SENDING'"
                        + " and claimed_by is distinct from ?")
                .params(account.value(), liveClaimer).update();
    }

    @Override
    public List<io.portevoix.campaigns.spi.RunRecipient> ofRun(AccountId account, RunId run, int offset, int limit) {
        return jdbc.sql("select contact_id, address, state, sent_at from delivery.message where account_id = ? and run_id = ?"
                        + " order by id offset ? limit ?")
                .params(account.value(), run.value(), offset, limit)
                .query((rs, n) -> new io.portevoix.campaigns.spi.RunRecipient(new ContactId(rs.getObject(1, UUID.class)),
                        rs.getString(2), "SENDING".equals(rs.getString(3)) ? "PENDING" : rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    public List<Sent> ofContact(AccountId account, ContactId contact, int limit) {
        return jdbc.sql("select run_id, sent_at, state from delivery.message where account_id = ? and contact_id = ?"
                        + " order by id desc limit ?")
                .params(account.value(), contact.value(), limit)
                .query((rs, n) -> new Sent(new RunId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        "SENDING".equals(rs.getString(3)) ? "PENDING" : rs.getString(3)))
                .list();
    }

    @Override
    public List<RunId> runsWithDueMessages(AccountId account, Instant now) {
        return jdbc.sql("select distinct run_id from delivery.message where account_id = ? and state = 'PENDING'"
                        + " and next_attempt_at <= ?")
                .params(account.value(), Timestamp.from(now)).query(UUID.class).list().stream().map(RunId::new).toList();
    }
}
