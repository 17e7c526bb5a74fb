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

/**
 * The outbox in PostgreSQL. delivery.message is partitioned by month on created_at, and every
 * message of a run is created at the instant of the run's row in delivery.run (written with its
 * first batch): queries of one run name that instant, so they read one partition; a run frozen
 * before that table existed (none after the migration, but rows written by hand) is read across
 * partitions. The sender updates its messages by id: the instant of the messages this process
 * claimed is remembered (a hint, bounded, forgotten once a message is settled), so those updates
 * name their month too; an id not claimed here is looked for in every month's primary key index.
 */
@Repository
class JdbcMessages implements Messages {

    /** A run's figures from its messages: live, and what {@link #summarize} keeps. */
    private static final String FIGURES = """
            select count(*), count(*) filter (where state in ('PENDING', 'SENDING')), count(*) filter (where state = 'SENDING'),
              count(*) filter (where state in ('SENT', 'BOUNCED')),
              count(*) filter (where state = 'FAILED'), count(*) filter (where state = 'UNKNOWN'),
              count(*) filter (where receipt = 'DELIVERED'), count(*) filter (where receipt in ('FAILED', 'EXPIRED')),
              coalesce(sum(parts) filter (where state in ('SENT', 'BOUNCED')), 0),
              coalesce(sum(credits) filter (where state in ('SENT', 'UNKNOWN', 'BOUNCED')), 0),
              coalesce(sum(credits) filter (where state = 'PENDING'), 0),
              coalesce(sum(credits) filter (where state in ('PENDING', 'SENDING')), 0),
              (select count(*) from delivery.sms_reply r where r.account_id = :account and r.run_id = :run and r.stop),
              count(*) filter (where state = 'BOUNCED')
            from delivery.message where account_id = :account and run_id = :run""";

    /** A recipient's state as the drill-down shows it: the receipt of a sent SMS, in flight is still pending. */
    private static final String RECIPIENT_STATE = "case when state = 'SENT' and receipt is not null then receipt"
            + " when state = 'SENDING' then 'PENDING' else state end";

    private static final String FIGURE_COLUMNS = "targeted, pending, in_flight, sent, failed, unknown, delivered, undelivered,"
            + " parts, charged_credits, waiting_credits, pending_credits, stops, bounced";

    private static final int REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final java.util.Map<Long, Timestamp> claimedAt = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, Timestamp> eldest) {
            return size() > REMEMBERED;
        }
    };

    JdbcMessages(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Creates the run's row on its first recipients (the instant every message of the run is created
     * at, its month's partition) and hands out the next {@code count} positions; answers the run's
     * instant and the position before the first of them.
     */
    private RunSlots createRun(AccountId account, RunId run, int count) {
        return jdbc.sql("insert into delivery.run (account_id, run_id, created_at, positions) values (?, ?, now(), ?)"
                        + " on conflict (run_id) do update set positions = delivery.run.positions + excluded.positions"
                        + " returning created_at, positions")
                .params(account.value(), run.value(), count)
                .query((rs, n) -> new RunSlots(rs.getTimestamp(1), rs.getInt(2) - count)).single();
    }

    private record RunSlots(Timestamp created, int before) {
    }

    private java.util.Optional<Timestamp> createdAt(AccountId account, RunId run) {
        return jdbc.sql("select created_at from delivery.run where account_id = ? and run_id = ?")
                .params(account.value(), run.value()).query(Timestamp.class).optional();
    }

    /** The instant shared by messages this process claimed, when it knows it for every one of them. */
    private java.util.Optional<Timestamp> claimedAt(Collection<Long> ids) {
        Timestamp at = null;
        synchronized (claimedAt) {
            for (Long id : ids) {
                Timestamp t = claimedAt.get(id);
                if (t == null || (at != null && !at.equals(t))) {
                    return java.util.Optional.empty();
                }
                at = t;
            }
        }
        return java.util.Optional.ofNullable(at);
    }

    private void settled(Collection<Long> ids) {
        synchronized (claimedAt) {
            ids.forEach(claimedAt::remove);
        }
    }

    /** Updates one message by id, in its month when this process claimed it. */
    private void updateOne(long id, String set, Object... values) {
        java.util.Optional<Timestamp> created = claimedAt(List.of(id));
        JdbcClient.StatementSpec spec = jdbc.sql("update delivery.message set " + set
                + " where account_id = :account and id = :id" + inPartition(created));
        for (int i = 0; i < values.length; i += 2) {
            spec = spec.param((String) values[i], values[i + 1]);
        }
        withCreated(spec.param("id", id), created).update();
        settled(List.of(id));
    }

    /** The condition that keeps a run's query to its partition, when the run's instant is known. */
    private static String inPartition(java.util.Optional<Timestamp> created) {
        return created.isPresent() ? " and created_at = :created" : "";
    }

    private static JdbcClient.StatementSpec withCreated(JdbcClient.StatementSpec spec, java.util.Optional<Timestamp> created) {
        return created.map(at -> spec.param("created", at)).orElse(spec);
    }

    /**
     * One statement per batch, the rows passed as arrays: executed row by row, each insert into the
     * partitioned table set up its routing and seven indexes again (100 µs a row, 10 s to freeze a
     * 100,000-recipient run).
     */
    @Override
    public int insert(AccountId account, RunId run, io.portevoix.campaigns.CampaignId campaign, List<Recipient> recipients) {
        RunSlots slots = createRun(account, run, recipients.size());
        UUID[] contacts = recipients.stream().map(r -> r.contactId().value()).toArray(UUID[]::new);
        String[] addresses = recipients.stream().map(Recipient::address).toArray(String[]::new);
        return template.update("""
                insert into delivery.message (account_id, run_id, contact_id, address, campaign_id, created_at, position)
                select ?::uuid, ?::uuid, r.contact_id, r.address, ?::uuid, ?::timestamptz, ?::integer + r.n::integer
                from unnest(?::uuid[], ?::text[]) with ordinality as r(contact_id, address, n)
                on conflict (run_id, contact_id, created_at) do nothing""", ps -> {
            ps.setObject(1, account.value());
            ps.setObject(2, run.value());
            ps.setObject(3, campaign.value());
            ps.setTimestamp(4, slots.created());
            ps.setInt(5, slots.before());
            ps.setArray(6, ps.getConnection().createArrayOf("uuid", contacts));
            ps.setArray(7, ps.getConnection().createArrayOf("text", addresses));
        });
    }

    @Override
    public int insertSms(AccountId account, RunId run, io.portevoix.campaigns.CampaignId campaign,
            List<io.portevoix.campaigns.spi.SmsRecipient> recipients) {
        RunSlots slots = createRun(account, run, recipients.size());
        UUID[] contacts = recipients.stream().map(r -> r.contactId().value()).toArray(UUID[]::new);
        String[] mobiles = recipients.stream().map(io.portevoix.campaigns.spi.SmsRecipient::mobile).toArray(String[]::new);
        String[] countries = recipients.stream().map(io.portevoix.campaigns.spi.SmsRecipient::country).toArray(String[]::new);
        Integer[] parts = recipients.stream().map(io.portevoix.campaigns.spi.SmsRecipient::parts).toArray(Integer[]::new);
        Integer[] credits = recipients.stream().map(io.portevoix.campaigns.spi.SmsRecipient::credits).toArray(Integer[]::new);
        return template.update("""
                insert into delivery.message (account_id, run_id, contact_id, address, campaign_id, country, parts, credits, created_at,
                  position)
                select ?::uuid, ?::uuid, r.contact_id, r.mobile, ?::uuid, r.country, r.parts, r.credits, ?::timestamptz,
                  ?::integer + r.n::integer
                from unnest(?::uuid[], ?::text[], ?::text[], ?::integer[], ?::integer[])
                  with ordinality as r(contact_id, mobile, country, parts, credits, n)
                on conflict (run_id, contact_id, created_at) do nothing""", ps -> {
            ps.setObject(1, account.value());
            ps.setObject(2, run.value());
            ps.setObject(3, campaign.value());
            ps.setTimestamp(4, slots.created());
            ps.setInt(5, slots.before());
            ps.setArray(6, ps.getConnection().createArrayOf("uuid", contacts));
            ps.setArray(7, ps.getConnection().createArrayOf("text", mobiles));
            ps.setArray(8, ps.getConnection().createArrayOf("text", countries));
            ps.setArray(9, ps.getConnection().createArrayOf("integer", parts));
            ps.setArray(10, ps.getConnection().createArrayOf("integer", credits));
        });
    }

    @Override
    public boolean frozen(AccountId account, RunId run) {
        java.util.Optional<Timestamp> created = createdAt(account, run);
        return withCreated(jdbc.sql("select exists (select 1 from delivery.message where account_id = :account and run_id = :run"
                + inPartition(created) + ")"), created)
                .param("account", account.value()).param("run", run.value()).query(Boolean.class).single();
    }

    @Override
    public void analyzeFrozen(AccountId account, RunId run, int from) {
        jdbc.sql("select delivery.analyze_messages_of(created_at) from delivery.run where account_id = ? and run_id = ?"
                        + " and positions >= ?")
                .params(account.value(), run.value(), from).query((rs, n) -> 1).list();
    }

    @Override
    public RunFigures figures(AccountId account, RunId run) {
        java.util.Optional<RunFigures> kept = jdbc.sql("select " + FIGURE_COLUMNS
                        + " from delivery.run where account_id = ? and run_id = ? and summarized_at is not null")
                .params(account.value(), run.value()).query((rs, n) -> figures(rs)).optional();
        if (kept.isPresent()) {
            return kept.get();
        }
        java.util.Optional<Timestamp> created = createdAt(account, run);
        return withCreated(jdbc.sql(FIGURES + inPartition(created)), created)
                .param("account", account.value()).param("run", run.value())
                .query((rs, n) -> figures(rs))
                .single();
    }

    private static RunFigures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RunFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                rs.getLong(14));
    }

    @Override
    public List<Claimed> claim(AccountId account, RunId run, int limit, String claimer, Instant now, Instant leasedUntil) {
        java.util.Optional<Timestamp> created = createdAt(account, run);
        String partition = inPartition(created);
        return withCreated(jdbc.sql("update delivery.message m set claimed_by = :claimer, attempts = m.attempts + 1,"
                + " next_attempt_at = :until"
                + " where m.id in (select id from delivery.message where account_id = :account and run_id = :run" + partition
                + " and state = 'PENDING' and next_attempt_at <= :now order by next_attempt_at, id limit :limit"
                + " for update skip locked)" + partition.replace("created_at", "m.created_at")
                + " returning m.id, m.contact_id, m.address, m.attempts, m.created_at"), created)
                .param("claimer", claimer).param("account", account.value()).param("run", run.value())
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(leasedUntil)).param("limit", limit)
                .query((rs, n) -> {
                    Claimed claimed = new Claimed(rs.getLong(1), new ContactId(rs.getObject(2, UUID.class)), rs.getString(3),
                            rs.getInt(4));
                    synchronized (claimedAt) {
                        claimedAt.put(claimed.id(), rs.getTimestamp(5));
                    }
                    return claimed;
                })
                .list();
    }

    @Override
    public java.util.Set<Long> sending(AccountId account, Collection<Long> ids, String claimer) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Optional<Timestamp> created = claimedAt(ids);
        return new java.util.HashSet<>(withCreated(jdbc.sql("update delivery.message set state = 'SENDING'"
                        + " where account_id = :account and id in (:ids)" + inPartition(created)
                        + " and state = 'PENDING' and claimed_by = :claimer returning id"), created)
                .param("account", account.value()).param("ids", ids).param("claimer", claimer).query(Long.class).list());
    }

    @Override
    public void sent(AccountId account, Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            java.util.Optional<Timestamp> created = claimedAt(ids);
            withCreated(jdbc.sql("update delivery.message set state = 'SENT', sent_at = :at, last_error = ''"
                            + " where account_id = :account and id in (:ids)" + inPartition(created)), created)
                    .param("at", Timestamp.from(at)).param("account", account.value()).param("ids", ids).update();
            settled(ids);
        }
    }

    @Override
    public void smsSent(AccountId account, String gateway, java.util.Map<Long, List<String>> partsByMessage, Instant at) {
        if (partsByMessage.isEmpty()) {
            return;
        }
        sent(account, partsByMessage.keySet(), at);
        List<Object[]> parts = new java.util.ArrayList<>();
        partsByMessage.forEach((message, ids) -> ids.forEach(id -> parts.add(new Object[] {account.value(), message, gateway, id})));
        template.batchUpdate("insert into delivery.sms_part (account_id, message_id, gateway, gateway_id) values (?, ?, ?, ?)",
                parts);
    }

    @Override
    public void postpone(AccountId account, long id, Instant next) {
        updateOne(id, "state = 'PENDING', next_attempt_at = :next, attempts = greatest(attempts - 1, 0), claimed_by = null",
                "next", Timestamp.from(next), "account", account.value());
    }

    @Override
    public void uncertain(AccountId account, long id, String error) {
        updateOne(id, "state = 'UNKNOWN', last_error = :error", "error", error, "account", account.value());
    }

    @Override
    public int applyReceipts(AccountId account) {
        List<Long> messages = jdbc.sql("""
                with matched as (
                  update delivery.sms_part p set receipt = r.status, reason = r.reason, receipt_at = r.at
                  from delivery.sms_receipt_inbox r
                  where p.account_id = ? and p.gateway = r.gateway and p.gateway_id = r.gateway_id and p.receipt is null
                  returning p.message_id, r.id),
                gone as (delete from delivery.sms_receipt_inbox where id in (select id from matched))
                select distinct message_id from matched""")
                .params(account.value()).query(Long.class).list();
        if (messages.isEmpty()) {
            return 0;
        }
        // the worst part decides: one failed or expired part and the message did not arrive whole
        jdbc.sql("""
                update delivery.message m set receipt = s.receipt, receipt_at = s.at,
                  last_error = case when s.receipt = 'DELIVERED' then m.last_error else s.reason end
                from (select message_id,
                        case when bool_or(receipt = 'FAILED') then 'FAILED' when bool_or(receipt = 'EXPIRED') then 'EXPIRED'
                             when bool_and(receipt = 'DELIVERED') then 'DELIVERED' end as receipt,
                        max(receipt_at) as at, string_agg(nullif(reason, ''), '; ') filter (where receipt <> 'DELIVERED') as reason
                      from delivery.sms_part where account_id = :account and message_id in (:ids) group by message_id) s
                where m.account_id = :account and m.id = s.message_id and s.receipt is not null""")
                .param("account", account.value()).param("ids", messages).update();
        return messages.size();
    }

    @Override
    public int dropUnmatchedReceipts(Instant before) {
        return jdbc.sql("delete from delivery.sms_receipt_inbox where received_at < ?").params(Timestamp.from(before)).update();
    }

    @Override
    public void receiptArrived(io.portevoix.delivery.application.port.SmsListener.Receipt r) {
        jdbc.sql("insert into delivery.sms_receipt_inbox (gateway, gateway_id, status, reason, at) values (?, ?, ?, ?, ?)")
                .params(r.gateway(), r.gatewayId(), r.status().name(), r.reason() == null ? "" : r.reason(), Timestamp.from(r.at()))
                .update();
    }

    @Override
    public void replyArrived(io.portevoix.delivery.application.port.SmsListener.Reply r) {
        jdbc.sql("insert into delivery.sms_reply_inbox (gateway, from_number, to_number, text, at) values (?, ?, ?, ?, ?)")
                .params(r.gateway(), r.from(), r.to() == null ? "" : r.to(), r.text() == null ? "" : r.text(),
                        Timestamp.from(r.at()))
                .update();
    }

    @Override
    public List<WaitingReply> waitingReplies(int limit) {
        return jdbc.sql("select id, gateway, from_number, to_number, text, at from delivery.sms_reply_inbox order by id limit ?")
                .params(limit)
                .query((rs, n) -> new WaitingReply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    @Override
    public void forgetReply(long id) {
        jdbc.sql("delete from delivery.sms_reply_inbox where id = ?").params(id).update();
    }

    @Override
    public java.util.Optional<LastSms> lastSmsTo(AccountId account, String number) {
        return jdbc.sql("""
                select m.contact_id, m.campaign_id, m.run_id, m.sent_at from delivery.message m
                where m.account_id = ? and m.address = ? and m.sent_at is not null and m.country is not null
                order by m.sent_at desc limit 1""")
                .params(account.value(), number)
                .query((rs, n) -> new LastSms(new ContactId(rs.getObject(1, UUID.class)),
                        new io.portevoix.campaigns.CampaignId(rs.getObject(2, UUID.class)), new RunId(rs.getObject(3, UUID.class)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    @Override
    public void recordReply(AccountId account, LastSms to, String from, String text, boolean stop, Instant at) {
        jdbc.sql("insert into delivery.sms_reply (account_id, contact_id, campaign_id, run_id, from_number, text, stop, at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(account.value(), to.contact().value(), to.campaign().value(), to.run().value(), from,
                        text.length() > 2_000 ? text.substring(0, 2_000) : text, stop, Timestamp.from(at))
                .update();
    }

    @Override
    public List<MemberReply> repliesOf(AccountId account, ContactId contact, int limit) {
        return jdbc.sql("select text, stop, at, campaign_id from delivery.sms_reply where account_id = ? and contact_id = ?"
                        + " order by at desc limit ?")
                .params(account.value(), contact.value(), limit)
                .query((rs, n) -> new MemberReply(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4) == null ? null : new io.portevoix.campaigns.CampaignId(rs.getObject(4, UUID.class))))
                .list();
    }

    @Override
    public void retry(AccountId account, long id, Instant next, String error) {
        updateOne(id, "state = 'PENDING', next_attempt_at = :next, last_error = :error, claimed_by = null",
                "next", Timestamp.from(next), "error", error, "account", account.value());
    }

    @Override
    public void failed(AccountId account, long id, String error) {
        updateOne(id, "state = 'FAILED', last_error = :error", "error", error, "account", account.value());
    }

    @Override
    public int orphansToUnknown(AccountId account, String liveClaimer) {
        return jdbc.sql("update delivery.message set state = 'UNKNOWN' where account_id = ? and state = 'SENDING'"
                        + " and claimed_by is distinct from ?")
                .params(account.value(), liveClaimer).update();
    }

    @Override
    public int releaseOrphanLeases(AccountId account, String liveClaimer, Instant now) {
        // a retry or a message given back clears its claimer: a PENDING row that still has one is leased
        return jdbc.sql("update delivery.message set next_attempt_at = ?, claimed_by = null, attempts = greatest(attempts - 1, 0)"
                        + " where account_id = ? and state = 'PENDING' and claimed_by is not null and claimed_by <> ?")
                .params(Timestamp.from(now), account.value(), liveClaimer).update();
    }

    @Override
    public int resendUnknown(AccountId account, RunId run, Instant now) {
        java.util.Optional<Timestamp> created = createdAt(account, run);
        return withCreated(jdbc.sql("update delivery.message set state = 'PENDING', next_attempt_at = :now, claimed_by = null,"
                        + " last_error = 'Resent by an approver after an unknown outcome'"
                        + " where account_id = :account and run_id = :run and state = 'UNKNOWN'" + inPartition(created)), created)
                .param("now", Timestamp.from(now)).param("account", account.value()).param("run", run.value()).update();
    }

    @Override
    public List<io.portevoix.campaigns.spi.RunRecipient> ofRun(AccountId account, RunId run, int offset, int limit) {
        java.util.Optional<Timestamp> created = createdAt(account, run);
        // a page is read by position from (run_id, created_at, position), however deep it is
        String sql = "select contact_id, address, " + RECIPIENT_STATE + ", sent_at from delivery.message"
                + " where account_id = :account and run_id = :run" + inPartition(created)
                + " and position > :offset order by position limit :limit";
        return withCreated(jdbc.sql(sql), created)
                .param("account", account.value()).param("run", run.value()).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new io.portevoix.campaigns.spi.RunRecipient(new ContactId(rs.getObject(1, UUID.class)),
                        rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    public List<Sent> ofContact(AccountId account, ContactId contact, int limit) {
        return jdbc.sql("select run_id, sent_at, case when state = 'SENT' and receipt is not null then receipt"
                        + " when state = 'SENDING' then 'PENDING' else state end"
                        + " from delivery.message where account_id = ? and contact_id = ? order by id desc limit ?")
                .params(account.value(), contact.value(), limit)
                .query((rs, n) -> new Sent(new RunId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    @Override
    public java.util.Optional<RunId> lastSentRun(AccountId account, ContactId contact, java.util.Collection<RunId> runs) {
        if (runs.isEmpty()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select run_id from delivery.message where account_id = :account and contact_id = :contact"
                        + " and run_id in (:runs) and state in ('SENT', 'UNKNOWN') order by id desc limit 1")
                .param("account", account.value()).param("contact", contact.value())
                .param("runs", runs.stream().map(RunId::value).toList())
                .query(UUID.class).optional().map(RunId::new);
    }

    @Override
    public List<RunId> runsWithDueMessages(AccountId account, Instant now) {
        return jdbc.sql("select distinct run_id from delivery.message where account_id = ? and state = 'PENDING'"
                        + " and next_attempt_at <= ?")
                .params(account.value(), Timestamp.from(now)).query(UUID.class).list().stream().map(RunId::new).toList();
    }

    @Override
    public int preparePartitions(Instant from, int months) {
        return jdbc.sql("select delivery.create_message_partitions(?, ?)").params(Timestamp.from(from), months)
                .query(Integer.class).single();
    }

    @Override
    public int dropPartitionsBefore(Instant before) {
        return jdbc.sql("select delivery.drop_message_partitions(?)").params(Timestamp.from(before)).query(Integer.class).single();
    }

    @Override
    public List<RunId> runsToSummarize(AccountId account, Instant before) {
        return jdbc.sql("""
                select distinct m.run_id from delivery.message m where m.account_id = ? and m.created_at < ?
                  and not exists (select 1 from delivery.run r where r.run_id = m.run_id and r.summarized_at is not null)""")
                .params(account.value(), Timestamp.from(before)).query(UUID.class).list().stream().map(RunId::new).toList();
    }

    @Override
    public void summarize(AccountId account, RunId run, Instant at) {
        java.util.Optional<Timestamp> created = createdAt(account, run);
        Timestamp since = created.orElseGet(() -> jdbc.sql("select coalesce(min(created_at), now()) from delivery.message"
                        + " where account_id = ? and run_id = ?")
                .params(account.value(), run.value()).query(Timestamp.class).single());
        String update = java.util.Arrays.stream(FIGURE_COLUMNS.split(",")).map(String::strip)
                .map(c -> c + " = excluded." + c).collect(java.util.stream.Collectors.joining(", "));
        withCreated(jdbc.sql("insert into delivery.run (account_id, run_id, created_at, summarized_at, " + FIGURE_COLUMNS + ")"
                        + " select :account, :run, :since, :at, f.* from (" + FIGURES + inPartition(created) + ") f"
                        + " on conflict (run_id) do update set summarized_at = excluded.summarized_at, " + update), created)
                .param("account", account.value()).param("run", run.value()).param("since", since)
                .param("at", Timestamp.from(at)).update();
    }

    @Override
    public int deleteCreatedBefore(AccountId account, Instant before, int limit) {
        return jdbc.sql("""
                with doomed as (
                  select id, created_at from delivery.message where account_id = :account and created_at < :before limit :limit),
                parts as (delete from delivery.sms_part where account_id = :account and message_id in (select id from doomed)),
                bounces as (delete from delivery.bounce where account_id = :account and message_id in (select id from doomed))
                delete from delivery.message m using doomed d
                where m.account_id = :account and m.created_at < :before and m.id = d.id and m.created_at = d.created_at""")
                .param("account", account.value()).param("before", Timestamp.from(before)).param("limit", limit).update();
    }
}
