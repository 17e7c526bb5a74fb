package io.portevoix.bench;

import static io.portevoix.bench.AudienceBenchmark.metric;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.RunId;
import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Message history at scale ({@code mvn -Pbench test -Dtest=MessageHistoryBenchmark}, not part of
 * the suite): {@code bench.members} members (default 200,000) who each received {@code bench.runs}
 * campaigns (default 100), i.e. 20,000,000 rows in the outbox, with opens for one message in ten
 * in tracking. Measures through the application services, warm, the median and the 95th
 * percentile of {@value #SAMPLES} random cases: a member's Communication tab
 * ({@link ContactQueries#messages}: every message with its campaign and read/unread), and a run's
 * recipient drill-down ({@link CampaignQueries#recipients}: the first page, and a page 100,000 rows
 * in). Baseline: the same rows read by hand-written SQL over JDBC in the same run. Target: ≤ 100 ms.
 * Writes {@code target/bench/message-history.json}; {@code -Dbench.keep=true} keeps the database.
 */
@Tag("bench")
class MessageHistoryBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 200_000);
    static final int RUNS = Integer.getInteger("bench.runs", 100);
    static final int SAMPLES = 41;
    static final int PAGE = 50;
    static final double TARGET_MS = 100;

    @Test
    void aMembersHistoryAndARunsRecipientsAmongTwentyMillionMessages() throws Exception {
        String database = TestDatabases.create("portevoix_bench_history", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "--portevoix.tenancy.bootstrap.account=Bench", "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                "--portevoix.tenancy.bootstrap.admin-password=bench-password-123", "--logging.level.root=warn",
                "--jobrunr.background-job-server.enabled=false")) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            BenchMembers.generate(database, account, MEMBERS, BenchMembers.Mobiles.FRENCH);
            long loadStart = System.nanoTime();
            List<UUID> runs = generateHistory(database, account);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            List<UUID> members = sample(database, account);
            ContactQueries contacts = context.getBean(ContactQueries.class);
            CampaignQueries campaigns = context.getBean(CampaignQueries.class);
            java.util.Random random = new java.util.Random(7);

            // warm-up: the JIT and PostgreSQL's buffers, on other members than the measured ones
            for (int i = 0; i < 10; i++) {
                UUID member = members.get(SAMPLES + i);
                RunId warm = new RunId(runs.get(i % runs.size()));
                as(account, () -> contacts.messages(new ContactId(member)));
                as(account, () -> campaigns.recipients(warm, 0, PAGE));
            }
            List<Double> tab = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            List<Double> deep = new ArrayList<>();
            int messages = 0;
            for (int i = 0; i < SAMPLES; i++) {
                UUID member = members.get(i);
                RunId run = new RunId(runs.get(random.nextInt(runs.size())));
                long t0 = System.nanoTime();
                messages = as(account, () -> contacts.messages(new ContactId(member))).size();
                long t1 = System.nanoTime();
                int page = as(account, () -> campaigns.recipients(run, 0, PAGE)).size();
                long t2 = System.nanoTime();
                int deepPage = as(account, () -> campaigns.recipients(run, Math.min(100_000, MEMBERS - PAGE), PAGE)).size();
                long t3 = System.nanoTime();
                check(messages == RUNS, "a member has " + messages + " messages, expected " + RUNS);
                check(page == PAGE && deepPage == PAGE, "pages of " + page + " and " + deepPage);
                tab.add((t1 - t0) / 1e6);
                first.add((t2 - t1) / 1e6);
                deep.add((t3 - t2) / 1e6);
            }
            Baseline base = baseline(database, account, members, runs, random);
            double tabMedian = percentile(tab, 50);
            double firstMedian = percentile(first, 50);
            double deepMedian = percentile(deep, 50);
            String json = "[\n" + String.join(",\n",
                    metric("member_tab_20m_median", tabMedian, "ms", base.tab(), tabMedian / base.tab()),
                    metric("member_tab_20m_p95", percentile(tab, 95), "ms", base.tab(), percentile(tab, 95) / base.tab()),
                    metric("member_tab_20m_median_vs_target", tabMedian, "ms", TARGET_MS, tabMedian / TARGET_MS),
                    metric("run_recipients_first_page_median", firstMedian, "ms", base.first(), firstMedian / base.first()),
                    metric("run_recipients_first_page_p95", percentile(first, 95), "ms", base.first(),
                            percentile(first, 95) / base.first()),
                    metric("run_recipients_page_at_100k_median", deepMedian, "ms", base.deep(), deepMedian / base.deep()),
                    metric("run_recipients_page_at_100k_p95", percentile(deep, 95), "ms", base.deep(),
                            percentile(deep, 95) / base.deep()),
                    metric("run_recipients_page_at_100k_vs_target", deepMedian, "ms", TARGET_MS, deepMedian / TARGET_MS),
                    metric("message_rows", (double) MEMBERS * RUNS, "rows", (double) MEMBERS * RUNS, 1.0),
                    metric("load_seconds", loadSeconds, "s", loadSeconds, 1.0)) + "\n]\n";
            Path report = Path.of("target", "bench", "message-history.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            if (!Boolean.getBoolean("bench.keep")) {
                TestDatabases.drop(database);
            }
        }
    }

    /** One campaign and one finished run per {@code RUNS}, each sent to every member, and an open for one message in ten. */
    private static List<UUID> generateHistory(String database, AccountId account) throws Exception {
        List<UUID> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner", "portevoix_owner");
                Statement s = c.createStatement()) {
            s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
            // the months of the history exist, as in an installation that has been sending for RUNS days
            java.time.Instant now = java.time.Instant.now();
            s.execute("select delivery.create_message_partitions('" + now.minus(java.time.Duration.ofDays(RUNS + 1)) + "', "
                    + (RUNS / 28 + 3) + ")");
            s.execute("select tracking.create_event_partitions('" + now.minus(java.time.Duration.ofDays(RUNS + 1)) + "', "
                    + (RUNS / 28 + 3) + ")");
            for (int i = 0; i < RUNS; i++) {
                UUID campaign = UUID.randomUUID();
                UUID run = UUID.randomUUID();
                String at = "'" + now.minus(java.time.Duration.ofDays(RUNS - i)) + "'::timestamptz";
                s.execute("""
                        insert into campaigns.campaign (account_id, id, name, channel, broadcast_type, audience, subject, html,
                          status, created_by, current_run, created_at, updated_at)
                        values ('%1$s', '%2$s', 'Lettre n° %4$d', 'EMAIL', 'INFORMATIVE', '{}', 'Objet', '<p>Bonjour</p>', 'SENT',
                          'bench', '%3$s', %5$s, %5$s)""".formatted(account, campaign, run, i + 1, at));
                s.execute("""
                        insert into campaigns.run (account_id, id, campaign_id, number, status, author, started_at, finished_at,
                          targeted, reserved, broadcast_type, audience)
                        values ('%1$s', '%3$s', '%2$s', 1, 'DONE', 'bench', %5$s, %5$s, %4$d, 0, 'INFORMATIVE', '{}')"""
                        .formatted(account, campaign, run, MEMBERS, at));
                s.execute("insert into delivery.run (account_id, run_id, created_at, positions) values ('%s', '%s', %s, %d)"
                        .formatted(account, run, at, MEMBERS));
                s.execute("""
                        insert into delivery.message (account_id, run_id, campaign_id, contact_id, address, state, sent_at,
                          next_attempt_at, created_at, position)
                        select account_id, '%2$s', '%3$s', id, email, 'SENT', %4$s, %4$s, %4$s, row_number() over (order by id)
                        from audience.contact where account_id = '%1$s' order by id""".formatted(account, run, campaign, at));
                s.execute("""
                        insert into tracking.event (account_id, campaign_id, contact_id, kind, machine, at)
                        select account_id, '%2$s', id, 'OPEN', false, %3$s + interval '1 hour'
                        from audience.contact where account_id = '%1$s' and abs(hashtext(id::text || '%2$s')) %% 10 = 0"""
                        .formatted(account, campaign, at));
                runs.add(run);
                if ((i + 1) % 10 == 0) {
                    System.err.printf("history: %d runs of %d messages%n", i + 1, MEMBERS);
                }
            }
            s.execute("analyze delivery.message");
            s.execute("analyze tracking.event");
            s.execute("analyze campaigns.run");
        }
        return runs;
    }

    private static List<UUID> sample(String database, AccountId account) throws Exception {
        try (Connection c = connect(database, account);
                PreparedStatement s = c.prepareStatement("select id from audience.contact where account_id = ?"
                        + " order by md5(id::text) limit ?")) {
            s.setObject(1, account.value());
            s.setInt(2, SAMPLES + 10);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    record Baseline(double tab, double first, double deep) {
    }

    /** The same questions by hand-written SQL: a member's messages with campaign names and opens, and a run's pages. */
    private static Baseline baseline(String database, AccountId account, List<UUID> members, List<UUID> runs,
            java.util.Random random) throws Exception {
        try (Connection c = connect(database, account)) {
            List<Double> tab = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            List<Double> deep = new ArrayList<>();
            try (PreparedStatement history = c.prepareStatement("""
                    select m.run_id, m.sent_at, m.state, c.name, c.channel,
                      exists (select 1 from tracking.event e where e.account_id = m.account_id and e.contact_id = m.contact_id
                        and e.campaign_id = m.campaign_id and e.kind = 'OPEN' and not e.machine)
                    from delivery.message m join campaigns.campaign c on c.id = m.campaign_id
                    where m.account_id = ? and m.contact_id = ? order by m.id desc limit 500""");
                    PreparedStatement page = c.prepareStatement("select contact_id, address, state, sent_at from delivery.message"
                            + " where account_id = ? and run_id = ? order by id offset ? limit ?")) {
                for (int i = 0; i < SAMPLES; i++) {
                    UUID run = runs.get(random.nextInt(runs.size()));
                    long t0 = System.nanoTime();
                    history.setObject(1, account.value());
                    history.setObject(2, members.get(i));
                    check(count(history) == RUNS, "baseline history");
                    long t1 = System.nanoTime();
                    page.setObject(1, account.value());
                    page.setObject(2, run);
                    page.setInt(3, 0);
                    page.setInt(4, PAGE);
                    count(page);
                    long t2 = System.nanoTime();
                    page.setInt(3, Math.min(100_000, MEMBERS - PAGE));
                    count(page);
                    long t3 = System.nanoTime();
                    tab.add((t1 - t0) / 1e6);
                    first.add((t2 - t1) / 1e6);
                    deep.add((t3 - t2) / 1e6);
                }
            }
            return new Baseline(percentile(tab, 50), percentile(first, 50), percentile(deep, 50));
        }
    }

    /** The owner role, bound to the account like the application's connections (row-level security is forced). */
    private static Connection connect(String database, AccountId account) throws Exception {
        Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner", "portevoix_owner");
        try (Statement s = c.createStatement()) {
            s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
        }
        return c;
    }

    private static int count(PreparedStatement s) throws Exception {
        int n = 0;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static <T> T as(AccountId account, Callable<T> work) {
        return SystemActor.call("bench", () -> TenantContext.callAs(account, () -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
