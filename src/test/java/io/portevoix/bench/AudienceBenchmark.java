package io.portevoix.bench;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.CsvFormat;
import io.portevoix.audience.ExportCommands;
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
 * question (the age as a range of birth dates, as one writes it for speed; also reported next to the
 * same SQL computing every age), the first page of the contacts grid, and the CSV export of every contact (12 columns) through
 * the application next to PostgreSQL's own {@code COPY ... TO STDOUT}, with the peak heap used meanwhile.
 * Writes {@code target/bench/audience.json}.
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
            long[] rawAgeFunction = new long[1];
            double baseline;
            double ageFunction;
            try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner",
                    "portevoix_owner"); Statement s = c.createStatement()) {
                s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
                baseline = median(() -> handWritten(s, raw, """
                        select count(*) from audience.contact where account_id = '%s' and erased_at is null
                          and status in ('CLIENT', 'FORMER_CLIENT') and site_name in ('Nord', 'Sud')
                          and subscription_end between current_date and current_date + 30
                          and birth_date > current_date - interval '46 years' and birth_date <= current_date - interval '25 years'
                          and email_marketing""".formatted(account)));
                ageFunction = median(() -> handWritten(s, rawAgeFunction, """
                        select count(*) from audience.contact where account_id = '%s' and erased_at is null
                          and status in ('CLIENT', 'FORMER_CLIENT') and site_name in ('Nord', 'Sud')
                          and subscription_end between current_date and current_date + 30
                          and date_part('year', age(current_date, birth_date)) between 25 and 45
                          and email_marketing""".formatted(account)));
            }
            double grid = median(() -> SystemActor.call("bench", () -> TenantContext.callAs(account, () -> {
                long start = System.nanoTime();
                contacts.page(ContactFilter.ALL, PageSpec.first(50));
                return System.nanoTime() - start;
            })));
            ExportCommands exports = context.getBean(ExportCommands.class);
            List<String> columns = List.of("lastName", "firstName", "civility", "email", "mobile", "birthDate", "status",
                    "site", "subscription.name", "subscription.endDate", "visitCount", "consent.EMAIL.MARKETING");
            CountingStream exported = new CountingStream();
            long heapBefore = HeapWatch.usedAfterGc();
            HeapWatch heap = HeapWatch.start();
            long exportStart = System.nanoTime();
            long exportedRows = SystemActor.call("bench", () -> TenantContext.callAs(account, () -> exports.export(
                    Map.of("match", "ALL", "rules", List.of()), columns, CsvFormat.EXCEL_FR, exported)));
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            long peakHeap = heap.stop();
            long heapRetained = HeapWatch.usedAfterGc() - heapBefore;
            CountingStream copied = new CountingStream();
            double copySeconds;
            try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner",
                    "portevoix_owner")) {
                try (Statement setting = c.createStatement()) {
                    setting.execute("select set_config('portevoix.account_id', '" + account + "', false)");
                }
                long copyStart = System.nanoTime();
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut("""
                        copy (select last_name, first_name, civility, email, mobile, birth_date, status, site_name,
                          subscription_name, subscription_end, visit_count, email_marketing from audience.contact
                          where account_id = '%s' and erased_at is null
                          order by lower(last_name) nulls last, lower(first_name) nulls last, id)
                        to stdout with (format csv, header, delimiter ';')""".formatted(account), copied);
                copySeconds = (System.nanoTime() - copyStart) / 1e9;
            }
            String json = "[\n" + String.join(",\n",
                    metric("contacts_generated", generated, "contacts", generated, 1.0),
                    metric("export_csv_12_columns", exportSeconds, "s", copySeconds, exportSeconds / copySeconds),
                    metric("export_csv_rows", exportedRows, "contacts", generated, (double) exportedRows / generated),
                    metric("export_csv_bytes", exported.count, "bytes", copied.count, (double) exported.count / copied.count),
                    metric("export_peak_heap_used_with_garbage", peakHeap / 1048576.0, "MiB",
                            Runtime.getRuntime().maxMemory() / 1048576.0, (double) peakHeap / Runtime.getRuntime().maxMemory()),
                    metric("export_heap_retained_after_gc", heapRetained / 1048576.0, "MiB", heapBefore / 1048576.0,
                            (double) heapRetained / heapBefore),
                    metric("segment_count_5_rules_median", service, "ms", baseline, service / baseline),
                    metric("segment_count_result", count[0], "contacts", raw[0], raw[0] == 0 ? 1.0 : (double) count[0] / raw[0]),
                    metric("segment_count_vs_hand_sql_with_age_function", service, "ms", ageFunction, service / ageFunction),
                    metric("segment_count_result_age_function", rawAgeFunction[0], "contacts", raw[0],
                            raw[0] == 0 ? 1.0 : (double) rawAgeFunction[0] / raw[0]),
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
            // what autovacuum does soon after such a load (the insert threshold): statistics and the
            // visibility map, without which no index-only scan can skip the heap
            s.execute("vacuum analyze audience.contact");
            return CONTACTS;
        }
    }

    /** Runs the count, keeps its result, returns its time in nanoseconds. */
    private static long handWritten(Statement s, long[] result, String sql) {
        long start = System.nanoTime();
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            result[0] = rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
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

    /** Counts what is written, keeps nothing. */
    static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    /** Samples the used heap every 20 ms while work runs; {@link #stop()} returns the peak. */
    static final class HeapWatch {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = Thread.ofPlatform().daemon().start(this::sample);

        private void sample() {
            while (running) {
                Runtime runtime = Runtime.getRuntime();
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        static long usedAfterGc() {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }

    static String metric(String name, double value, String unit, double baseline, double ratio) {
        return String.format(java.util.Locale.ROOT,
                "  {\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"baseline\":%.3f,\"ratio\":%.3f}",
                name, value, unit, baseline, ratio);
    }
}
