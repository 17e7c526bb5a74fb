package io.portevoix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.delivery.spi.TrackingLinks;
import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Tracking benchmark ({@code mvn -Pbench test -Dtest=TrackingBenchmark}, not part of the suite).
 * <p>Throughput: {@value #CLIENTS} keep-alive connections of {@link LoopbackHttpLoad} hit signed
 * open and click links (half each, {@value #RECIPIENTS} recipients) of the application running in
 * this JVM on a fresh database for {@code bench.seconds} seconds, after a warm-up; next to the same
 * clients on the same server fetching the open pixel with a forged token, which answers the same
 * image without verifying, queueing nor writing anything (the server's floor). Hits per second and
 * the 99th percentile of the latency, for both.
 * <p>Crash window: the application is started as a separate process ({@code java -jar
 * target/porte-voix.jar} when that jar is there, else the same classes from this classpath) on the
 * same database and secret; clients click distinct recipients' links (one recipient per hit, so
 * the rows say which hits were written) and the process is killed with SIGKILL while they run.
 * Lost = clicks acknowledged with their 302 whose row is missing; the window = from the first lost hit's
 * acknowledgement to the kill. {@code bench.crashes} rounds; the worst is reported. Writes
 * {@code target/bench/tracking.json}.
 */
@Tag("bench")
class TrackingBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int WARM_UP_SECONDS = 5;
    static final int RECIPIENTS = 2_000;
    static final int CRASHES = Integer.getInteger("bench.crashes", 3);
    /** More than the clients can send in the seconds before the kill. */
    static final int CRASH_HITS = 40_000;
    static final String SECRET = "bench-secret-bench-secret-bench-secret-0123456789";
    static final Pattern CLICK = Pattern.compile("/public/c/[A-Za-z0-9_-]+");
    static final Pattern PIXEL = Pattern.compile("/public/o/[A-Za-z0-9_-]+");

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";

    @Test
    void hitsPerSecondLatencyAndTheLossWindowOfAHardCrash() throws Exception {
        String database = TestDatabases.create("portevoix_bench", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(2)).build();
        List<String> metrics = new ArrayList<>();
        try {
            LoopbackHttpLoad.Result tracked;
            LoopbackHttpLoad.Result floor;
            long answered;
            AccountId account;
            CampaignId campaign = new CampaignId(UUID.randomUUID());
            List<CampaignId> crashCampaigns = new ArrayList<>();
            List<List<String>> crashClicks = new ArrayList<>();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                    "--portevoix.tracking.secret=" + SECRET, "--portevoix.tenancy.bootstrap.account=Bench",
                    "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                    "--portevoix.tenancy.bootstrap.admin-password=bench-password-123", "--logging.level.root=warn")) {
                int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
                account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                        .map(AccountSummary::id).findFirst().orElseThrow());
                TrackingLinks links = context.getBean(TrackingLinks.class);
                List<String> paths = new ArrayList<>();
                for (int i = 0; i < RECIPIENTS; i++) {
                    String html = tracked(links, account, campaign, new ContactId(UUID.randomUUID()));
                    paths.add(first(CLICK, html));
                    paths.add(first(PIXEL, html));
                }
                // the crash rounds' pixels, one recipient each: the child process signs with the same secret
                for (int round = 0; round < CRASHES; round++) {
                    CampaignId crashCampaign = new CampaignId(UUID.randomUUID());
                    crashCampaigns.add(crashCampaign);
                    crashClicks.add(clicks(links, account, crashCampaign, CRASH_HITS));
                }
                List<String> forged = List.of("/public/o/" + "A".repeat(96));
                LoopbackHttpLoad.Result warmUp = LoopbackHttpLoad.run(port, paths, BROWSER, CLIENTS, WARM_UP_SECONDS);
                LoopbackHttpLoad.run(port, forged, BROWSER, CLIENTS, WARM_UP_SECONDS);
                floor = LoopbackHttpLoad.run(port, forged, BROWSER, CLIENTS, SECONDS);
                tracked = LoopbackHttpLoad.run(port, paths, BROWSER, CLIENTS, SECONDS);
                answered = warmUp.answered() + tracked.answered();
                System.err.println("tracked " + tracked + ", floor " + floor);
            } finally {
                SecurityContextHolder.setContextHolderStrategy(shared);
            }
            // the context is closed: a clean stop, whose last flush wrote what was still queued
            long stored = events(database, account, campaign);
            System.err.printf("clean stop: %d hits answered, %d events stored%n", answered, stored);
            metrics.add(AudienceBenchmark.metric("tracking_hits_per_second", tracked.perSecond(), "hits/s", floor.perSecond(),
                    tracked.perSecond() / floor.perSecond()));
            metrics.add(AudienceBenchmark.metric("tracking_hit_p99_ms", tracked.p99Millis(), "ms", floor.p99Millis(),
                    tracked.p99Millis() / floor.p99Millis()));
            metrics.add(AudienceBenchmark.metric("tracking_clean_stop_events_stored", stored, "events", answered,
                    stored / (double) answered));
            long maxLost = 0;
            double maxWindow = 0;
            long acknowledged = 0;
            for (int round = 0; round < CRASHES; round++) {
                long[] crash = crash(http, database, account, crashCampaigns.get(round), crashClicks.get(round));
                acknowledged += crash[0];
                maxLost = Math.max(maxLost, crash[1]);
                maxWindow = Math.max(maxWindow, crash[2]);
            }
            metrics.add(AudienceBenchmark.metric("tracking_crash_max_lost_hits", maxLost, "hits", acknowledged / (double) CRASHES,
                    maxLost / (acknowledged / (double) CRASHES)));
            metrics.add(AudienceBenchmark.metric("tracking_crash_loss_window_ms", maxWindow, "ms", 200, maxWindow / 200));
            String json = "[\n" + String.join(",\n", metrics) + "\n]\n";
            Path report = Path.of("target", "bench", "tracking.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json);
            assertThat(tracked.errors()).isZero();
            assertThat(stored).as("events stored after a clean stop").isEqualTo(answered);
            assertThat(tracked.perSecond()).as("hits per second").isGreaterThanOrEqualTo(5_000);
            assertThat(tracked.p99Millis()).as("p99 ms").isLessThanOrEqualTo(50);
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static String tracked(TrackingLinks links, AccountId account, CampaignId campaign, ContactId contact) {
        return SystemActor.call("bench", () -> TenantContext.callAs(account, () -> links.track(
                "<p><a href=\"https://club.example/planning\">Planning</a></p>", campaign, contact)));
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    /**
     * One hard crash: a separate application process, clients clicking distinct recipients' links,
     * SIGKILL, then the rows counted. Returns {acknowledged, lost, window in ms}.
     */
    private static long[] crash(HttpClient http, String database, AccountId account, CampaignId campaign, List<String> pixels)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process app = start(database, port);
        try {
            String base = "http://localhost:" + port;
            waitUntilUp(http, base);
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            long killAt;
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        for (int i; !killed.get() && (i = next.getAndIncrement()) < pixels.size(); ) {
                            String pixel = pixels.get(i);
                            try {
                                if (http.send(HttpRequest.newBuilder(URI.create(base + pixel)).timeout(Duration.ofSeconds(2))
                                        .header("User-Agent", BROWSER).GET().build(),
                                        HttpResponse.BodyHandlers.discarding()).statusCode() == 302) {
                                    acknowledged.put(pixel, System.nanoTime());
                                }
                            } catch (Exception refused) {
                                // the process is gone
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(3_000 + (long) (Math.random() * 500));
                killAt = System.nanoTime();
                app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no last flush
                killed.set(true);
            }
            app.waitFor();
            Set<String> written = new HashSet<>();
            try (Connection c = owner(database, account); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select contact_id from tracking.event where campaign_id = '" + campaign + "'")) {
                    while (rs.next()) {
                        written.add(rs.getString(1));
                    }
                }
            }
            long lost = 0;
            long firstLost = Long.MAX_VALUE;
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                if (!written.contains(contactOf(ack.getKey()))) {
                    lost++;
                    firstLost = Math.min(firstLost, ack.getValue());
                }
            }
            long window = lost == 0 ? 0 : (killAt - firstLost) / 1_000_000;
            System.err.printf("crash: %d acknowledged, %d written, %d lost, window %d ms%n", acknowledged.size(),
                    written.size(), lost, window);
            return new long[] {acknowledged.size(), lost, window};
        } finally {
            app.destroyForcibly();
        }
    }

    /** A connection as the owner, in the account (row-level security is forced on the owner too). */
    private static Connection owner(String database, AccountId account) throws Exception {
        Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner", "portevoix_owner");
        try (Statement s = c.createStatement()) {
            s.execute("select set_config('portevoix.account_id', '" + account + "', false)");
        }
        return c;
    }

    /** The tracking events of a campaign. */
    private static long events(String database, AccountId account, CampaignId campaign) throws Exception {
        try (Connection c = owner(database, account); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from tracking.event where campaign_id = '" + campaign + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final Map<String, String> CONTACTS = new ConcurrentHashMap<>();

    private static String contactOf(String pixel) {
        return CONTACTS.get(pixel);
    }

    /** Click links of distinct recipients of a campaign (a 302 says the click was verified and queued). */
    private static List<String> clicks(TrackingLinks links, AccountId account, CampaignId campaign, int count) {
        List<String> pixels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ContactId contact = new ContactId(UUID.randomUUID());
            String pixel = first(CLICK, SystemActor.call("bench", () -> TenantContext.callAs(account,
                    () -> links.track("<p><a href=\"https://club.example/crash\">x</a></p>", campaign, contact))));
            CONTACTS.put(pixel, contact.value().toString());
            pixels.add(pixel);
        }
        return pixels;
    }

    private static Process start(String database, int port) throws Exception {
        Path jar = Path.of("target", "porte-voix.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "--sun-misc-unsafe-memory-access=allow",
                "-Dvaadin.productionMode=true"));
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), PorteVoixApplication.class.getName()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/bench/tracking-crash-app.log"));
        Files.createDirectories(Path.of("target", "bench"));
        builder.environment().putAll(Map.of("PORTEVOIX_DB_URL", TestDatabases.jdbcUrl(database), "PORTEVOIX_DB_USER",
                "portevoix_app", "PORTEVOIX_DB_PASSWORD", "portevoix_app", "PORTEVOIX_DB_MIGRATION_USER", "portevoix_owner",
                "PORTEVOIX_DB_MIGRATION_PASSWORD", "portevoix_owner", "PORTEVOIX_SECRET", SECRET, "SERVER_PORT",
                Integer.toString(port), "LOGGING_LEVEL_ROOT", "warn",
                // migrated already; from the test classpath the changelogs are found twice
                "SPRING_LIQUIBASE_ENABLED", "false"));
        return builder.start();
    }

    private static void waitUntilUp(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application process did not start; see target/bench/tracking-crash-app.log");
    }
}
