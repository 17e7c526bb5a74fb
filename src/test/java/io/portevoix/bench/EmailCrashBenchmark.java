package io.portevoix.bench;

import static io.portevoix.bench.AudienceBenchmark.metric;

import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash benchmark ({@code mvn -Pbench test -Dtest=EmailCrashBenchmark}, not part of the suite;
 * needs {@code target/porte-voix.jar}, e.g. from {@code ./porte-voix build}): the application runs
 * as its own process, sends a campaign to {@code bench.members} members (default 100,000; the 15 KB
 * template of {@link EmailSendBenchmark}) through the REST API with the bootstrap API key into
 * {@link SmtpSink}, and is killed with SIGKILL once {@code bench.kill-at} (default 40 %) are sent.
 * Started again, it must finish the run by itself. Then every recipient is SENT, FAILED or UNKNOWN,
 * the sink received no address twice, every SENT address reached the sink and every address the
 * sink got is SENT or UNKNOWN, and UNKNOWN stays within the in-flight bound: what a worker holds
 * SENDING at once (two hand-over groups of 4 × {@value #PARALLELISM}) times the JobRunr workers
 * ({@value #JOB_WORKERS}).
 * Writes {@code target/bench/email-crash.json}.
 */
@Tag("bench")
class EmailCrashBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final double KILL_AT = Double.parseDouble(System.getProperty("bench.kill-at", "0.4"));
    /** portevoix.delivery.smtp.parallelism: a worker hands messages over in groups of this many. */
    static final int PARALLELISM = 8;
    /** JobRunr's worker count (application.yaml): no more delivery workers run at once. */
    static final int JOB_WORKERS = 4;
    static final String API_KEY = "pv_bench_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void aRunKilledWithSigkillFinishesAfterRestartWithoutSendingAnyoneTwice() throws Exception {
        Path jar = Path.of("target", "porte-voix.jar");
        if (!Files.exists(jar)) {
            throw new AssertionError(jar + " is missing: ./porte-voix build first");
        }
        String database = TestDatabases.create("portevoix_bench_crash", "portevoix_owner");
        int port = freePort();
        HttpClient http = HttpClient.newHttpClient();
        List<Process> started = new ArrayList<>();
        try (SmtpSink sink = new SmtpSink()) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-Xms1g", "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString(), "--server.port=" + port,
                    "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                    "--portevoix.tenancy.bootstrap.account=Crash",
                    "--portevoix.tenancy.bootstrap.admin-email=crash@club.example",
                    "--portevoix.tenancy.bootstrap.admin-password=crash-password-123",
                    "--portevoix.tenancy.bootstrap.api-key=" + API_KEY,
                    "--portevoix.tenancy.bootstrap.credits=" + 2L * MEMBERS, "--logging.level.root=warn",
                    "--logging.level.io.portevoix=info", "--portevoix.tracking.public-url=https://pv.example",
                    "--portevoix.demo.enabled=false", "--portevoix.delivery.sandbox.enabled=false",
                    "--portevoix.delivery.smtp.host=127.0.0.1", "--portevoix.delivery.smtp.port=" + sink.port());
            Files.createDirectories(Path.of("target", "bench"));
            Process first = start(command, 1);
            started.add(first);
            ready(http, port, first);
            AccountId account = new AccountId(single(database, "select id from tenancy.account", UUID.class));
            BenchMembers.generate(database, account, MEMBERS, BenchMembers.Mobiles.FRENCH);

            String created = call(http, port, "POST", "/api/v1/campaigns", """
                    {"name":"Portes ouvertes","channel":"EMAIL","broadcastType":"INFORMATIVE",
                     "audience":{"criteria":{"match":"ALL","rules":[{"field":"email","op":"isNotEmpty"}]}},"subject":"Bonjour {{ contact.firstName }}",
                     "html":%s,"fromName":"Club","fromEmail":"club@bench.fr"}""".formatted(json(EmailSendBenchmark.template())),
                    201);
            String campaign = field(created, "id");
            long sendAt = System.nanoTime();
            call(http, port, "POST", "/api/v1/campaigns/" + campaign + "/send", "", 202);

            Map<String, Long> atKill;
            while (true) {
                Map<String, Long> states = states(database, account);
                if (states.getOrDefault("SENT", 0L) >= MEMBERS * KILL_AT) {
                    break;
                }
                if (System.nanoTime() - sendAt > Duration.ofMinutes(30).toNanos() || !first.isAlive()) {
                    throw new AssertionError("the first process did not get to " + KILL_AT + ": " + states);
                }
                Thread.sleep(100);
            }
            first.destroyForcibly();
            first.waitFor();
            double killedAfter = (System.nanoTime() - sendAt) / 1e9;
            atKill = states(database, account);
            long sinkAtKill = sink.messages();
            System.err.println("killed after " + killedAfter + " s: " + atKill + ", sink " + sinkAtKill);

            long restartAt = System.nanoTime();
            Process second = start(command, 2);
            started.add(second);
            ready(http, port, second);
            double readySeconds = (System.nanoTime() - restartAt) / 1e9;
            Map<String, Long> done;
            while (true) {
                done = states(database, account);
                if (done.getOrDefault("PENDING", 0L) + done.getOrDefault("SENDING", 0L) == 0
                        && field(call(http, port, "GET", "/api/v1/campaigns/" + campaign, null, 200), "status")
                                .equals("SENT")) {
                    break;
                }
                if (System.nanoTime() - restartAt > Duration.ofMinutes(30).toNanos() || !second.isAlive()) {
                    throw new AssertionError("the run did not finish after the restart: " + done);
                }
                Thread.sleep(500);
            }
            double finishSeconds = (System.nanoTime() - restartAt) / 1e9;

            Map<String, String> byAddress = addresses(database, account);
            long sent = done.getOrDefault("SENT", 0L);
            long failed = done.getOrDefault("FAILED", 0L);
            long unknown = done.getOrDefault("UNKNOWN", 0L);
            long unknownDelivered = byAddress.entrySet().stream()
                    .filter(e -> e.getValue().equals("UNKNOWN") && sink.received().contains(e.getKey())).count();
            long sentMissing = byAddress.entrySet().stream()
                    .filter(e -> e.getValue().equals("SENT") && !sink.received().contains(e.getKey())).count();
            // members only: the application also mails its staff (e.g. the administrator when the run is done)
            List<String> strangers = sink.received().stream().filter(a -> a.endsWith("@bench.fr"))
                    .filter(a -> !List.of("SENT", "UNKNOWN").contains(byAddress.getOrDefault(a, ""))).toList();
            int bound = 2 * 4 * PARALLELISM * JOB_WORKERS; // two groups of RunDelivery.GROUPING × parallelism per worker
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            System.err.printf("after the restart: ready in %.1f s, finished in %.1f s; %s; SENDING at the kill %d,"
                    + " UNKNOWN %d (of which the sink got %d), bound %d; sink %d messages, %d duplicates, %d SENT"
                    + " missing, %d unexpected; load average %s%n", readySeconds, finishSeconds, done,
                    atKill.getOrDefault("SENDING", 0L), unknown, unknownDelivered, bound, sink.messages(),
                    sink.duplicates(), sentMissing, strangers.size(), load);

            List<String> metrics = new ArrayList<>();
            metrics.add(metric("email_crash_members", MEMBERS, "recipients", MEMBERS, 1));
            metrics.add(metric("email_crash_killed_after_seconds", killedAfter, "s", killedAfter, 1));
            metrics.add(metric("email_crash_sent_at_kill", atKill.getOrDefault("SENT", 0L), "messages", MEMBERS,
                    atKill.getOrDefault("SENT", 0L) / (double) MEMBERS));
            metrics.add(metric("email_crash_sending_at_kill", atKill.getOrDefault("SENDING", 0L), "messages", bound,
                    atKill.getOrDefault("SENDING", 0L) / (double) bound));
            metrics.add(metric("email_crash_restart_ready_seconds", readySeconds, "s", readySeconds, 1));
            metrics.add(metric("email_crash_restart_finished_seconds", finishSeconds, "s", finishSeconds, 1));
            metrics.add(metric("email_crash_sent", sent, "messages", MEMBERS, sent / (double) MEMBERS));
            metrics.add(metric("email_crash_failed", failed, "messages", 0, 0));
            metrics.add(metric("email_crash_unknown", unknown, "messages", bound, unknown / (double) bound));
            metrics.add(metric("email_crash_unknown_received_by_sink", unknownDelivered, "messages", unknown,
                    unknown == 0 ? 0 : unknownDelivered / (double) unknown));
            metrics.add(metric("email_crash_sink_duplicates", sink.duplicates(), "messages", 0, 0));
            metrics.add(metric("email_crash_sent_not_received", sentMissing, "messages", 0, 0));
            metrics.add(metric("load_average_1_min", Double.parseDouble(load.split(" ")[0]), "", 2,
                    Double.parseDouble(load.split(" ")[0]) / 2));
            String report = "[\n" + String.join(",\n", metrics) + "\n]\n";
            Files.writeString(Path.of("target", "bench", "email-crash.json"), report);
            System.err.println(report);

            check(sent + failed + unknown == MEMBERS && byAddress.size() == MEMBERS,
                    "not every recipient is accounted for: " + done);
            check(sink.duplicates() == 0, "the sink received " + sink.duplicates() + " addresses twice");
            check(sentMissing == 0 && strangers.isEmpty(), sentMissing + " SENT never reached the sink, " + strangers
                    + " reached it without being SENT or UNKNOWN");
            check(unknown <= bound, unknown + " UNKNOWN, more than the in-flight bound " + bound);
        } finally {
            for (Process p : started) {
                p.destroy();
                p.waitFor();
            }
            TestDatabases.drop(database);
        }
    }

    private static Process start(List<String> command, int n) throws Exception {
        File log = Path.of("target", "bench", "email-crash-app-" + n + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void ready(HttpClient http, int port, Process process) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped: see target/bench/email-crash-app-*.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not become ready");
    }

    private static String call(HttpClient http, int port, String method, String path, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == expected, method + " " + path + " answered " + response.statusCode() + ": "
                + response.body());
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        check(m.find(), "no " + name + " in " + json);
        return m.group(1);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, Long> states(String database, AccountId account) throws Exception {
        Map<String, Long> states = new HashMap<>();
        query(database, "select state, count(*) from delivery.message group by state",
                rs -> states.put(rs.getString(1), rs.getLong(2)));
        return states;
    }

    private static Map<String, String> addresses(String database, AccountId account) throws Exception {
        Map<String, String> states = new HashMap<>();
        query(database, "select lower(address), state from delivery.message",
                rs -> states.put(rs.getString(1), rs.getString(2)));
        return states;
    }

    interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private static void query(String database, String sql, Row row) throws Exception {
        // as the administrator: row-level security does not hide the rows from it
        try (Connection c = DriverManager.getConnection(TestDatabases.jdbcUrl(database), TestDatabases.ADMIN, "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static <T> T single(String database, String sql, Class<T> type) throws Exception {
        List<T> found = new ArrayList<>();
        query(database, sql, rs -> found.add(rs.getObject(1, type)));
        check(found.size() == 1, sql + " gave " + found);
        return found.getFirst();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
