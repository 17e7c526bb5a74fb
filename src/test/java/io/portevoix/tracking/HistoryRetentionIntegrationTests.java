package io.portevoix.tracking;

import static io.portevoix.support.TestActors.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.SentMessage;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStats;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.delivery.OutboxHistory;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.HistoryRetention;
import io.portevoix.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message history by month: the outbox and the hits are partitioned by month, a row of a
 * month without a partition waits in the default partition and is moved into its month later,
 * and an account's retention deletes only its own old messages and hits, after keeping its
 * campaigns' figures, which the campaign pages then show unchanged.
 */
@PorteVoixTest
class HistoryRetentionIntegrationTests {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

    @Autowired ApplicationContext context;
    @Autowired AccountCommands accounts;
    @Autowired AccountQueries accountQueries;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired ContactQueries contacts;
    @Autowired OutboxHistory outboxHistory;
    @Autowired TrackingHistory trackingHistory;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.liquibase.user}") String owner;
    @Value("${spring.liquibase.password}") String ownerPassword;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void theComingMonthsHavePartitionsAndAMessageLandsInItsMonth() throws Exception {
        SentCampaign.Sent sent = new SentCampaign(context).send("Mois", "Bonjour", "<p>Bonjour</p>", List.of("ana"));
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<String> messages = partitions("delivery.message");
        List<String> events = partitions("tracking.event");
        for (int i = 0; i <= 3; i++) {
            assertThat(messages).contains("message_" + now.plusMonths(i).format(MONTH));
            assertThat(events).contains("event_" + now.plusMonths(i).format(MONTH));
        }
        assertThat(messages).contains("message_default");
        assertThat(events).contains("event_default");

        RunId run = queries.runs(sent.campaign()).getFirst().id();
        String partition = TenantContext.callAs(sent.account(), () -> transactions.execute(status -> jdbc.queryForObject(
                "select tableoid::regclass::text from delivery.message where run_id = ?", String.class, run.value())));
        assertThat(partition).isEqualTo("delivery.message_" + now.format(MONTH));
    }

    @Test
    void aRowOfAMonthWithoutPartitionWaitsInTheDefaultPartitionAndIsMovedIntoItsMonth() throws Exception {
        SentCampaign.Sent sent = new SentCampaign(context).send("Plus tard", "Bonjour", "<p>Bonjour</p>", List.of("ana"));
        YearMonth far = YearMonth.now(ZoneOffset.UTC).plusMonths(9);
        Instant at = far.atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant();
        ContactId ana = sent.members().get("ana");
        try {
            long message = TenantContext.callAs(sent.account(), () -> transactions.execute(status -> jdbc.queryForObject("""
                    insert into delivery.message (account_id, run_id, contact_id, address, created_at) values (?, ?, ?, 'x@y.example', ?)
                    returning id""", Long.class, sent.account().value(), UUID.randomUUID(), ana.value(), Timestamp.from(at))));
            TenantContext.runAs(sent.account(), () -> transactions.executeWithoutResult(status -> jdbc.update("""
                    insert into tracking.event (account_id, campaign_id, contact_id, kind, machine, at) values (?, ?, ?, 'OPEN', false, ?)""",
                    sent.account().value(), sent.campaign().value(), ana.value(), Timestamp.from(at))));
            assertThat(whereIs(sent.account(), "delivery.message", "id = " + message)).containsExactly("delivery.message_default");
            assertThat(whereIs(sent.account(), "tracking.event", "at = '" + at + "'")).containsExactly("tracking.event_default");

            assertThat(outboxHistory.preparePartitions()).isPositive();
            assertThat(trackingHistory.preparePartitions()).isPositive();

            assertThat(whereIs(sent.account(), "delivery.message", "id = " + message))
                    .containsExactly("delivery.message_" + far.format(MONTH));
            assertThat(whereIs(sent.account(), "tracking.event", "at = '" + at + "'"))
                    .containsExactly("tracking.event_" + far.format(MONTH));
        } finally {
            asOwner(sent.account(), c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("drop table if exists delivery.message_" + far.format(MONTH));
                    s.execute("drop table if exists tracking.event_" + far.format(MONTH));
                }
                return null;
            });
        }
    }

    @Test
    void retentionDeletesOnlyThatAccountsOldHistoryAndItsCampaignsKeepTheirFigures() throws Exception {
        SentCampaign.Sent other = new SentCampaign(context).send("Autre club", "Ancienne lettre", "<p>Bonjour</p>",
                List.of("bob"));
        SentCampaign.Sent old = new SentCampaign(context).send("Club ancien", "Ancienne lettre", "<p>Bonjour</p>",
                List.of("ana", "bea"));
        ContactId ana = old.members().get("ana");
        ContactId bea = old.members().get("bea");
        Instant eightMonthsAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(8).toInstant();
        // hits of the old campaign: a human open and click, a machine open, and one click of today
        TenantContext.runAs(old.account(), () -> transactions.executeWithoutResult(status -> {
            jdbc.update("insert into tracking.link (account_id, campaign_id, number, url) values (?, ?, 1, 'https://club.example/a')",
                    old.account().value(), old.campaign().value());
            hit(old.account(), old.campaign(), ana, "OPEN", null, false, eightMonthsAgo);
            hit(old.account(), old.campaign(), ana, "CLICK", 1, false, eightMonthsAgo.plusSeconds(60));
            hit(old.account(), old.campaign(), bea, "OPEN", null, true, eightMonthsAgo);
            hit(old.account(), old.campaign(), bea, "CLICK", 1, false, Instant.now());
            long message = jdbc.queryForObject("select id from delivery.message where contact_id = ?", Long.class, ana.value());
            jdbc.update("insert into delivery.bounce (account_id, message_id, address, type, source, at)"
                    + " values (?, ?, 'ana@x.example', 'SOFT', 'WEBHOOK', now())", old.account().value(), message);
        }));
        TenantContext.runAs(other.account(), () -> transactions.executeWithoutResult(status -> hit(other.account(),
                other.campaign(), other.members().get("bob"), "OPEN", null, false, eightMonthsAgo)));
        // both accounts sent their campaign eight months ago
        RunId oldRun = queries.runs(old.campaign()).getFirst().id();
        RunId otherRun = asSystem(() -> TenantContext.callAs(other.account(), () -> queries.runs(other.campaign()).getFirst().id()));
        backdate(old.account(), oldRun);
        backdate(other.account(), otherRun);
        outboxHistory.preparePartitions();
        trackingHistory.preparePartitions();
        assertThat(whereIs(old.account(), "delivery.message", "run_id = '" + oldRun + "'"))
                .containsOnly("delivery.message_" + YearMonth.from(eightMonthsAgo.atZone(ZoneOffset.UTC)).format(MONTH));

        // and the club sent a campaign today
        CampaignDetails recent = campaigns.create(new CampaignDraft("Nouvelle lettre", "", Channel.EMAIL,
                BroadcastType.INFORMATIVE, new Audience(List.of(), List.of(), List.of(), List.of(ana, bea), null),
                new CampaignContent("Nouvelle lettre", "", "<p>Bonjour</p>", "", null, "", "", "", "")));
        campaigns.send(recent.id(), null);
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(recent.id()).orElseThrow().status() == CampaignStatus.SENT);

        CampaignStats oldStats = queries.stats(old.campaign());
        RunFigures oldFigures = queries.runs(old.campaign()).getFirst().figures();
        CampaignStats otherStats = statsOf(other);
        assertThat(oldStats.sent()).isEqualTo(2);
        assertThat(oldStats.engagement().uniqueOpens()).isEqualTo(2);
        assertThat(oldStats.engagement().clicks()).isEqualTo(2);
        assertThat(oldStats.engagement().machineEvents()).isEqualTo(1);
        assertThat(oldStats.engagement().links()).singleElement().satisfies(l -> assertThat(l.clicks()).isEqualTo(2));
        assertThat(contacts.messages(ana)).hasSize(2);

        accounts.keepHistory(new HistoryRetention(6));
        assertThat(accountQueries.historyRetention().months()).isEqualTo(6);
        assertThat(audit.find(AuditFilter.NONE, PageSpec.first(20))).extracting(AuditEntry::action).contains("account.history");

        for (int pass = 0; pass < 2; pass++) {
            outboxHistory.applyRetention();
            trackingHistory.applyRetention();

            // the club's old messages, their bounce and old hits are gone; today's campaign and hit stay
            assertThat(count(old.account(), "delivery.message where run_id = '" + oldRun + "'")).isZero();
            assertThat(count(old.account(), "delivery.bounce")).isZero();
            assertThat(count(old.account(), "tracking.event where at < now() - interval '1 day'")).isZero();
            assertThat(count(old.account(), "tracking.event")).isEqualTo(1);
            assertThat(contacts.messages(ana)).extracting(SentMessage::campaignId).containsExactly(recent.id().toString());
            assertThat(queries.stats(recent.id()).sent()).isEqualTo(2);
            // its campaign shows the same figures as before
            assertThat(queries.stats(old.campaign())).isEqualTo(oldStats);
            assertThat(queries.runs(old.campaign()).getFirst().figures()).isEqualTo(oldFigures);
            // the other account keeps 24 months: nothing of it went
            assertThat(count(other.account(), "delivery.message where run_id = '" + otherRun + "'")).isEqualTo(1);
            assertThat(count(other.account(), "tracking.event")).isEqualTo(1);
            assertThat(statsOf(other)).isEqualTo(otherStats);
        }
    }

    @Test
    void rowLevelSecurityStillKeepsEachAccountToItsOwnHistory() throws Exception {
        SentCampaign.Sent a = new SentCampaign(context).send("Club A", "Lettre", "<p>Bonjour</p>", List.of("ana"));
        SentCampaign.Sent b = new SentCampaign(context).send("Club B", "Lettre", "<p>Bonjour</p>", List.of("bob"));
        TenantContext.runAs(a.account(), () -> transactions.executeWithoutResult(status -> hit(a.account(), a.campaign(),
                a.members().get("ana"), "OPEN", null, false, Instant.now())));
        String month = YearMonth.now(ZoneOffset.UTC).format(MONTH);
        // the parents, and a month's partition read directly (its own policy applies then)
        List<String> tables = List.of("delivery.message", "delivery.message_" + month, "delivery.run", "tracking.event",
                "delivery.received_message", "tracking.engagement");
        for (String table : tables) {
            assertThat(count(a.account(), table + " where account_id = '" + a.account() + "'")).as(table).isPositive();
            assertThat(count(b.account(), table + " where account_id = '" + a.account() + "'")).as(table).isZero();
        }
        // the application role is given no partition of the hits: it reads them through tracking.event only
        assertThatThrownBy(() -> count(a.account(), "tracking.event_" + month))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void historyIsKeptSixToSixtyMonths() {
        assertThat(HistoryRetention.DEFAULT.months()).isEqualTo(24);
        assertThatThrownBy(() -> new HistoryRetention(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryRetention(61)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HistoryRetention(6).cutoff(Instant.parse("2026-08-31T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    private CampaignStats statsOf(SentCampaign.Sent sent) {
        return asSystem(() -> TenantContext.callAs(sent.account(), () -> queries.stats(sent.campaign())));
    }

    private void hit(AccountId account, CampaignId campaign, ContactId contact, String kind, Integer link, boolean machine,
            Instant at) {
        jdbc.update("insert into tracking.event (account_id, campaign_id, contact_id, kind, link_number, machine, at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", account.value(), campaign.value(), contact.value(), kind, link, machine,
                Timestamp.from(at));
    }

    /** The run's messages (and its row) as if it had been sent eight months ago; the owner may change created_at. */
    private void backdate(AccountId account, RunId run) throws Exception {
        asOwner(account, c -> {
            for (String table : List.of("delivery.run", "delivery.message")) {
                try (PreparedStatement s = c.prepareStatement("update " + table
                        + " set created_at = created_at - interval '8 months' where run_id = ?")) {
                    s.setObject(1, run.value());
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Rows the application role sees in {@code fromWhere} while it works for {@code account}. */
    private long count(AccountId account, String fromWhere) {
        Supplier<Long> read = () -> transactions.execute(status -> jdbc.queryForObject("select count(*) from " + fromWhere,
                Long.class));
        return TenantContext.callAs(account, read);
    }

    private List<String> whereIs(AccountId account, String table, String where) {
        return TenantContext.callAs(account, () -> transactions.execute(status -> jdbc.queryForList(
                "select tableoid::regclass::text from " + table + " where " + where, String.class)));
    }

    private List<String> partitions(String parent) {
        return jdbc.queryForList("select c.relname::text from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = ?::regclass", String.class, parent);
    }

    interface OwnerWork<T> {
        T run(Connection c) throws Exception;
    }

    private <T> T asOwner(AccountId account, OwnerWork<T> work) throws Exception {
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
            try (PreparedStatement s = c.prepareStatement("select set_config('portevoix.account_id', ?, false)")) {
                s.setString(1, account.toString());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
            }
            return work.run(c);
        }
    }
}
