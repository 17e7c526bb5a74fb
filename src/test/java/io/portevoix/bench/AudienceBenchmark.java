package io.portevoix.bench;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.SegmentQueries;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.TestDatabases;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Audience benchmark ({@code mvn -Pbench test}, not part of the suite): generates
 * {@code bench.contacts} contacts (default 1,000,000) in a fresh database, then measures the
 * 5-rule segment count through the application service against the hand-written SQL of the same
 * question, and the first page of the contacts grid. Writes {@code target/bench/audience.json}.
 */
@Tag("bench")
class AudienceBenchmark {

    static final int CONTACTS = Integer.getInteger("bench.contacts", 1_000_000);
    static final int RUNS = 11;

    @Test
    void segmentCountAndGridAtScale() throws Exception {
        String database = TestDatabases.create("portevoix_bench", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "--portevoix.tenancy.bootstrap.account=Bench", "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                "--portevoix.tenancy.bootstrap.admin-password=bench-password-123", "--logging.level.root=warn")) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            long generated = generate(database, account);
            SegmentQueries segments = context.getBean(SegmentQueries.class);
            ContactQueries contacts = context.getBean(ContactQueries.class);
            Map<String, Object> criteria = Map.of("match", "ALL", "rules", List.of(
                    Map.of("field", "status", "op", "in", "value", List.of("CLIENT", "FORMER_CLIENT")),
                    Map.of("field", "site", "op", "in", "value", List.of("Nord", "Sud")),
                    Map.of("field", "subscription.endDate", "op", "inNextDays", "value", 30),
                    Map.of("field", "age", "op", "between", "value", List.of(25, 45)),
                    Map.of("field", "consent.EMAIL.MARKETING", "op", "isTrue")));
            long[] count = new long[1];
            double service = median(() -> SystemActor.call("bench", () -> TenantContext.callAs(account, () -> {
                long start = System.nanoTime();
                count[0] = segments.count(criteria);
                return System.nanoTime() - start;
            })));
            long[] raw = new long[1];
            double baseline;
            try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner",
                    "portevoix_owner"); Statement s = c.createStatement()) {
                s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
                baseline = median(() -> {
                    long start = System.nanoTime();
                    try (ResultSet rs = s.executeQuery("""
                            select count(*) from audience.contact where account_id = '%s' and erased_at is null
                              and status in ('CLIENT', 'FORMER_CLIENT') and site_name in ('Nord', 'Sud')
                              and subscription_end between current_date and current_date + 30
                              and date_part('year', age(current_date, birth_date)) between 25 and 45
                              and email_marketing""".formatted(account))) {
                        rs.next();
                        raw[0] = rs.getLong(1);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return System.nanoTime() - start;
                });
            }
            double grid = median(() -> SystemActor.call("bench", () -> TenantContext.callAs(account, () -> {
                long start = System.nanoTime();
                contacts.page(ContactFilter.ALL, PageSpec.first(50));
                return System.nanoTime() - start;
            })));
            String json = "[\n" + String.join(",\n",
                    metric("contacts_generated", generated, "contacts", generated, 1.0),
                    metric("segment_count_5_rules_median", service, "ms", baseline, service / baseline),
                    metric("segment_count_result", count[0], "contacts", raw[0], raw[0] == 0 ? 1.0 : (double) count[0] / raw[0]),
                    metric("contacts_grid_first_page_median", grid, "ms", grid, 1.0)) + "\n]\n";
            Path report = Path.of("target", "bench", "audience.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            TestDatabases.drop(database);
        }
    }

    private static long generate(String database, AccountId account) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner", "portevoix_owner");
                Statement s = c.createStatement()) {
            s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
            s.execute("""
                    insert into audience.contact (account_id, id, unique_key, email, mobile, first_name, last_name, birth_date,
                      status, site_name, subscription_name, subscription_end, visit_count, email_marketing, sms_marketing,
                      attributes)
                    select '%s', gen_random_uuid(), 'm' || g || '@bench.fr', 'm' || g || '@bench.fr',
                      '+336' || lpad((g %% 100000000)::text, 8, '0'),
                      (array['Léa','Hugo','Emma','Lucas','Chloé','Louis','Inès','Jules'])[1 + g %% 8],
                      (array['Martin','Bernard','Petit','Durand','Moreau','Laurent','Simon','Michel','Roux','Blanc'])[1 + (g / 8) %% 10],
                      date '1950-01-01' + (g::bigint * 7919 %% 22000)::int, (array['CLIENT','CLIENT','CLIENT','PROSPECT','FORMER_CLIENT'])[1 + g %% 5],
                      (array['Nord','Sud','Est','Ouest'])[1 + (g / 3) %% 4], 'Annuel',
                      current_date - 200 + (g::bigint * 104729 %% 600)::int, g %% 150, g %% 10 < 6, g %% 10 < 4,
                      case when g %% 10 = 0 then jsonb_build_object('ceinture', 'noire') else '{}'::jsonb end
                    from generate_series(1, %d) g""".formatted(account, CONTACTS));
            s.execute("analyze audience.contact");
            return CONTACTS;
        }
    }

    private static double median(LongSupplier nanos) {
        nanos.getAsLong();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(nanos.getAsLong());
        }
        runs.sort(Long::compare);
        return runs.get(RUNS / 2) / 1_000_000.0;
    }

    private static String metric(String name, double value, String unit, double baseline, double ratio) {
        return String.format(java.util.Locale.ROOT,
                "  {\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"baseline\":%.3f,\"ratio\":%.3f}",
                name, value, unit, baseline, ratio);
    }
}
