package io.portevoix.bench;

import static io.portevoix.bench.AudienceBenchmark.metric;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.billing.SmsRates;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignCount;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CountryCount;
import io.portevoix.campaigns.spi.Outbox;
import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import io.portevoix.templates.SmsLength;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * SMS count benchmark ({@code mvn -Pbench test -Dtest=SmsCountBenchmark}, not part of the suite):
 * an account of {@code bench.members} members (default 100,000) with an SMS informative consent and
 * a valid mobile (mostly French; Belgian, Swiss, German, Spanish, a few in Réunion, and a few in
 * Japan, which has no price), and an SMS campaign whose text greets each member by first name and
 * carries a link. First names vary in length and alphabet, so texts need one, two or three parts
 * (an {@code ë} makes the text UCS-2). Measures the per-country count through
 * {@link CampaignQueries#count(CampaignId)}, cold (first call after start), warm (second call) and
 * the median of the next calls (on two shared cores the JIT may need more than one call), next to
 * the physical limit measured in the same run: one SQL read of the same (first name,
 * mobile) rows, then the same texts built by concatenation with the link at its short length,
 * counted with {@link SmsLength#parts} and summed per country from the calling code, without the
 * framework. Checks that both tables are equal. Target: at most 3 s. Writes
 * {@code target/bench/sms-count.json}; {@code -Dbench.keep=true} keeps the database to look at afterwards.
 */
@Tag("bench")
class SmsCountBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final double TARGET_SECONDS = 3.0;
    /** Count runs: the first is cold, the second the warm figure; the median of the warm ones is reported too. */
    static final int RUNS = 5;
    static final String PUBLIC_URL = "https://pv.example";
    static final String BEFORE = "Bonjour ";
    static final String AFTER = ", les portes ouvertes du club ont lieu samedi : venez avec un ami, le cours d'essai est offert !"
            + " Infos : ";
    static final String LINK = "https://club.example/x";
    static final String TEXT = BEFORE + "{{ contact.firstName }}" + AFTER + LINK;
    /** What replaces the link when the text is counted: the short link of the real length. */
    static final String SHORT_LINK = PUBLIC_URL + "/s/" + "x".repeat(15);
    /** Calling codes of the generated mobiles; all single-country but +262 (Réunion and Mayotte). */
    static final Map<String, String> COUNTRIES = Map.of("+33", "FR", "+32", "BE", "+41", "CH", "+49", "DE", "+34", "ES",
            "+81", "JP", "+262", "RE");

    @Test
    void perCountryCountOfAHundredThousandPersonalisedTexts() throws Exception {
        String database = TestDatabases.create("portevoix_bench_sms", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "--portevoix.tenancy.bootstrap.account=Bench", "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                "--portevoix.tenancy.bootstrap.admin-password=bench-password-123", "--logging.level.root=warn",
                "--portevoix.tracking.public-url=" + PUBLIC_URL, "--jobrunr.background-job-server.enabled=false")) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            BenchMembers.generate(database, account, MEMBERS, BenchMembers.Mobiles.ABROAD);
            CampaignCommands commands = context.getBean(CampaignCommands.class);
            CampaignQueries queries = context.getBean(CampaignQueries.class);
            CampaignId campaign = SystemActor.call("bench", () -> TenantContext.callAs(account, () -> commands.create(
                    new CampaignDraft("Portes ouvertes", "", Channel.SMS, BroadcastType.INFORMATIVE,
                            new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                            new CampaignContent("", "", "", TEXT, null, "", "", "", ""))).id()));

            CampaignCount[] counted = new CampaignCount[RUNS];
            double[] seconds = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                int i = run;
                seconds[i] = SystemActor.call("bench", () -> TenantContext.callAs(account, () -> {
                    long start = System.nanoTime();
                    counted[i] = queries.count(campaign);
                    return (System.nanoTime() - start) / 1e9;
                }));
            }

            SmsRates rates = context.getBean(SmsRates.class);
            int maxParts = context.getBean(Outbox.class).maxSmsParts();
            Baseline baseline = null;
            List<Double> reads = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                baseline = baseline(database, account, rates, maxParts);
                reads.add(baseline.readSeconds());
                totals.add(baseline.totalSeconds());
            }
            double read = median(reads);
            double physical = median(totals);

            double warmMedian = median(java.util.Arrays.stream(seconds, 1, RUNS).boxed().toList());
            System.err.printf("count runs %s s; baseline read %.3f s, read+render+count %.3f s%n",
                    java.util.Arrays.toString(seconds), read, physical);
            Map<String, List<Long>> application = table(counted[1].byCountry());
            for (CampaignCount other : counted) {
                check(table(other.byCountry()).equals(application), "the runs' counts differ");
            }
            check(application.equals(baseline.table()), "application " + application + " and baseline " + baseline.table()
                    + " differ");
            long recipients = application.values().stream().mapToLong(l -> l.get(0)).sum();
            check(recipients == MEMBERS, "recipients " + recipients);
            long twoParts = application.values().stream().mapToLong(l -> l.get(3)).sum();
            long threeParts = application.values().stream().mapToLong(l -> l.get(4)).sum();
            check(twoParts > 0 && threeParts > 0, "texts of two and three parts expected: " + application);
            check(application.get("JP").get(1).equals(application.get("JP").get(0)), "Japan has no price");

            String json = "[\n" + String.join(",\n",
                    metric("sms_count_100k_warm", seconds[1], "s", physical, seconds[1] / physical),
                    metric("sms_count_100k_cold", seconds[0], "s", physical, seconds[0] / physical),
                    metric("sms_count_100k_warm_median_of_" + (RUNS - 1), warmMedian, "s", physical, warmMedian / physical),
                    metric("sms_count_100k_warm_vs_target", seconds[1], "s", TARGET_SECONDS, seconds[1] / TARGET_SECONDS),
                    metric("baseline_sql_read_100k_rows", read, "s", read, 1.0),
                    metric("baseline_sql_read_render_count_java", physical, "s", physical, 1.0),
                    metric("sms_count_recipients", counted[1].recipients(), "recipients",
                            baseline.addressable(), (double) counted[1].recipients() / baseline.addressable()),
                    metric("sms_count_credits", counted[1].credits(), "credits", baseline.credits(),
                            (double) counted[1].credits() / baseline.credits()),
                    metric("sms_count_non_addressable", counted[1].nonAddressable(), "recipients",
                            recipients - baseline.addressable(), 1.0),
                    metric("sms_count_countries", application.size(), "countries", baseline.table().size(), 1.0))
                    + "\n]\n";
            Path report = Path.of("target", "bench", "sms-count.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json + application);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            if (!Boolean.getBoolean("bench.keep")) {
                TestDatabases.drop(database);
            }
        }
    }

    record Baseline(double readSeconds, double totalSeconds, Map<String, List<Long>> table, long addressable, long credits) {
    }

    /**
     * The physical limit: one read of the same rows (no deduplication nor ordering is needed here,
     * every mobile is distinct and consented), the text built by concatenation, its parts and the
     * table per country.
     */
    private static Baseline baseline(String database, AccountId account, SmsRates rates, int maxParts) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner", "portevoix_owner")) {
            try (Statement setting = c.createStatement()) {
                setting.execute("select set_config('portevoix.account_id', '" + account + "', false)");
            }
            c.setAutoCommit(false);
            List<String[]> rows = new ArrayList<>(MEMBERS);
            long start = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement("""
                    select first_name, mobile from audience.contact
                    where account_id = ? and erased_at is null and sms_informative and mobile is not null""")) {
                s.setFetchSize(2_000);
                s.setObject(1, account.value(), java.sql.Types.OTHER);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            c.commit();
            double read = (System.nanoTime() - start) / 1e9;
            Map<String, long[]> lines = new TreeMap<>();
            Map<String, OptionalInt> rateOf = new HashMap<>();
            for (String[] row : rows) {
                String name = row[0] == null ? "" : row[0];
                int parts = SmsLength.parts(BEFORE + name + AFTER + SHORT_LINK);
                String mobile = row[1];
                String country = COUNTRIES.get(mobile.substring(0, mobile.startsWith("+262") ? 4 : 3));
                OptionalInt rate = rateOf.computeIfAbsent(country, rates::creditsPerPart);
                long[] l = lines.computeIfAbsent(country, k -> new long[7]);
                l[0]++;
                if (rate.isEmpty() || parts > maxParts) {
                    l[1]++;
                    continue;
                }
                l[Math.min(parts, 3) + 1]++;
                l[5] += parts;
                l[6] += (long) parts * rate.getAsInt();
            }
            double total = (System.nanoTime() - start) / 1e9;
            Map<String, List<Long>> table = new TreeMap<>();
            long addressable = 0;
            long credits = 0;
            for (var e : lines.entrySet()) {
                long[] l = e.getValue();
                table.put(e.getKey(), List.of(l[0], l[1], l[2], l[3], l[4], l[5], l[6]));
                addressable += l[0] - l[1];
                credits += l[6];
            }
            return new Baseline(read, total, table, addressable, credits);
        }
    }

    private static Map<String, List<Long>> table(List<CountryCount> lines) {
        Map<String, List<Long>> table = new TreeMap<>();
        for (CountryCount l : lines) {
            table.put(l.country(), List.of(l.recipients(), l.nonAddressable(), l.onePart(), l.twoParts(), l.threeOrMoreParts(),
                    l.totalParts(), l.credits()));
        }
        return table;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
