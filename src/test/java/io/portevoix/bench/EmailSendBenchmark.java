package io.portevoix.bench;

import static io.portevoix.bench.AudienceBenchmark.metric;

import io.portevoix.PorteVoixApplication;
import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.delivery.DnsRecordStatus;
import io.portevoix.delivery.OutboxWorkers;
import io.portevoix.delivery.SendingDomainDetails;
import io.portevoix.delivery.SendingDomains;
import io.portevoix.delivery.adapter.smtp.NoDelaySocketFactory;
import io.portevoix.shared.AccountId;
import io.portevoix.support.TestDatabases;
import io.portevoix.support.TestDnsServer;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * E-mail campaign benchmark ({@code mvn -Pbench test -Dtest=EmailSendBenchmark}, not part of the
 * suite): a campaign to {@code bench.members} members (default 100,000) with a 15 KB template, 6
 * merge tags and 10 links (rewritten to signed redirects, plus the open pixel and the
 * List-Unsubscribe header), DKIM off, through the application as it runs: the send freezes the
 * recipients and reserves the credits, then {@value #WORKERS} outbox workers (as many as JobRunr
 * enqueues per run, called directly) claim batches, render and hand them over through the built-in
 * SMTP server's pool ({@code bench.connections} connections, 4 as the application's default,
 * TCP_NODELAY, {@code bench.parallelism} per batch, 8 as the default) to {@link SmtpSink}, until
 * every message is SENT. Next to it, in the same run, a bare Angus client (as many connections,
 * with TCP_NODELAY, one thread each) pushes a pre-rendered message of the same size (links as
 * long as signed ones, base64 body), encoded once, to the same sink. The CPU that each costs the
 * machine is read from /proc ({@link CpuMeter}): per message, the bare client's, the campaign's
 * and PostgreSQL's share of it, and the rate the machine would reach if a campaign message cost
 * only the bare client's plus PostgreSQL's. Checks that the sink received exactly one message per
 * member (no address twice) and the run counts all SENT; reports the used heap after a GC
 * before, halfway through and after the send (it must stay flat). Then the same
 * campaign from a domain whose DKIM key DNS publishes ({@link TestDnsServer}), every message
 * signed: the DKIM-on figure. Target: {@value #TARGET} messages/s. {@code -Dbench.jfr=true} records
 * the send with Flight Recorder ({@code target/bench/email-send.jfr}). Writes
 * {@code target/bench/email-send.json}.
 */
@Tag("bench")
class EmailSendBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final int WORKERS = 2;
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 4);
    static final int PARALLELISM = Integer.getInteger("bench.parallelism", 8);
    static final double TARGET = 1_500;
    static final int BARE = Math.min(MEMBERS, 50_000);
    /** {@code -Dbench.dkim=false} leaves out the DKIM-on send (to compare changes to the plain send quickly). */
    static final boolean DKIM = !"false".equals(System.getProperty("bench.dkim"));

    @Test
    void aHundredThousandEmailCampaignThroughTheOutboxAndSmtp() throws Exception {
        String database = TestDatabases.create("portevoix_bench_email", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (SmtpSink sink = new SmtpSink(); TestDnsServer dns = new TestDnsServer().useForJndi();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                        "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                        "--portevoix.tenancy.bootstrap.account=Bench",
                        "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                        "--portevoix.tenancy.bootstrap.admin-password=bench-password-123",
                        "--portevoix.tenancy.bootstrap.credits=" + 2L * MEMBERS, "--logging.level.root=warn",
                        "--portevoix.tracking.public-url=https://pv.example", "--jobrunr.background-job-server.enabled=false",
                        "--portevoix.demo.enabled=false", "--portevoix.delivery.sandbox.enabled=false",
                        "--portevoix.delivery.secret=bench-secret-0123456789-0123456789",
                        "--portevoix.delivery.smtp.host=127.0.0.1", "--portevoix.delivery.smtp.port=" + sink.port(),
                        "--portevoix.delivery.smtp.connections=" + CONNECTIONS,
                        "--portevoix.delivery.smtp.parallelism=" + PARALLELISM)) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            BenchMembers.generate(database, account, MEMBERS, BenchMembers.Mobiles.FRENCH);
            String html = template();

            Bare bareFirst = bare(sink, html, BARE);
            double bareBefore = bareFirst.rate();
            long sinkBefore = sink.messages();
            sink.forget();
            long duplicatesBefore = sink.duplicates();
            long heapStart = usedHeapAfterGc();
            long[] heapMiddle = {-1};
            Thread middle = Thread.ofPlatform().daemon().start(() -> {
                while (sink.messages() - sinkBefore < MEMBERS / 2) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                heapMiddle[0] = usedHeapAfterGc();
            });
            jdk.jfr.Recording recording = Boolean.getBoolean("bench.jfr")
                    ? new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile")) : null;
            if (recording != null) {
                recording.start();
            }
            CpuMeter cpuBefore = CpuMeter.now();
            Sent plain = send(context, account, "club@bench.fr", html);
            CpuMeter campaignCpu = CpuMeter.now().since(cpuBefore);
            if (recording != null) {
                Files.createDirectories(Path.of("target", "bench"));
                recording.dump(Path.of("target", "bench", "email-send.jfr"));
                recording.close();
            }
            middle.join(10_000);
            long heapEnd = usedHeapAfterGc();
            long received = sink.messages() - sinkBefore;
            long duplicates = sink.duplicates() - duplicatesBefore;
            Bare bareSecond = bare(sink, html, BARE);
            double bareAfter = bareSecond.rate();
            // the cost of one message to the machine: the bare client's, and the campaign's (PostgreSQL's share apart)
            double bareMachineMs = (bareFirst.cpu().machineMsPer(BARE) + bareSecond.cpu().machineMsPer(BARE)) / 2;
            long campaignMessages = plain.figures().sent();
            double campaignMachineMs = campaignCpu.machineMsPer(campaignMessages);
            double campaignPostgresMs = campaignCpu.postgresMsPer(campaignMessages);
            double campaignJvmMs = campaignCpu.jvmMsPer(campaignMessages);
            int cores = Runtime.getRuntime().availableProcessors();
            // what the machine could reach if a campaign message cost only what the bare client's does plus the
            // outbox's writes in PostgreSQL (no rendering, no signing, no MIME building)
            double bound = cores * 1000 / (bareMachineMs + campaignPostgresMs);
            double baseline = (bareBefore + bareAfter) / 2;

            // DKIM on: a sending domain whose key DNS publishes, so that every message is signed (RSA 2048)
            Sent signed = plain;
            long dkimReceived = received;
            long dkimDuplicates = duplicates;
            if (DKIM) {
                SendingDomains domains = context.getBean(SendingDomains.class);
                SendingDomainDetails domain = as(account, () -> domains.add("club@dkim-bench.example"));
                domain.records().forEach(r -> dns.txt(r.name(), r.value()));
                check(as(account, () -> domains.verify("dkim-bench.example")).records().stream()
                        .allMatch(r -> r.status() == DnsRecordStatus.OK), "the DKIM records do not verify");
                sink.forget();
                long dkimSinkBefore = sink.messages();
                long dkimDuplicatesBefore = sink.duplicates();
                signed = send(context, account, "club@dkim-bench.example", html);
                dkimReceived = sink.messages() - dkimSinkBefore;
                dkimDuplicates = sink.duplicates() - dkimDuplicatesBefore;
            }
            String load = Files.readString(Path.of("/proc/loadavg")).strip();

            double rate = plain.figures().sent() / plain.seconds();
            double dkimRate = signed.figures().sent() / signed.seconds();
            System.err.printf("bare client %.0f then %.0f msg/s; campaign: start %.2f s, %d sent in %.2f s = %.0f msg/s"
                    + " (ratio %.2f); DKIM on: %s; used heap after GC %d / %d / %d MB;"
                    + " sink got %d over %d connections, %d duplicates; load average %s%n"
                    + "CPU per message (ms of the machine's %d cores): bare client %.3f (%d bytes); campaign %.3f, of which"
                    + " PostgreSQL %.3f and this JVM (sink included) %.3f; bound (bare + PostgreSQL) %.0f msg/s%n",
                    bareBefore, bareAfter,
                    plain.startSeconds(), plain.figures().sent(), plain.seconds(), rate, rate / baseline,
                    DKIM ? String.format("%d sent in %.2f s = %.0f msg/s", signed.figures().sent(), signed.seconds(), dkimRate)
                            : "not run (-Dbench.dkim=false)", heapStart >> 20, heapMiddle[0] >> 20,
                    heapEnd >> 20, received, sink.connections(), duplicates, load, cores, bareMachineMs, bareFirst.bytes(),
                    campaignMachineMs, campaignPostgresMs, campaignJvmMs, bound);

            List<String> metrics = new ArrayList<>();
            metrics.add(metric("baseline_bare_angus_client_messages_per_second", baseline, "messages/s", bareBefore,
                    bareAfter / bareBefore));
            metrics.add(metric("bare_client_machine_cpu_ms_per_message", bareMachineMs, "ms", bareMachineMs, 1.0));
            metrics.add(metric("email_campaign_machine_cpu_ms_per_message", campaignMachineMs, "ms", bareMachineMs,
                    campaignMachineMs / bareMachineMs));
            metrics.add(metric("email_campaign_postgres_cpu_ms_per_message", campaignPostgresMs, "ms", campaignMachineMs,
                    campaignPostgresMs / campaignMachineMs));
            metrics.add(metric("email_campaign_jvm_cpu_ms_per_message", campaignJvmMs, "ms", campaignMachineMs,
                    campaignJvmMs / campaignMachineMs));
            metrics.add(metric("machine_bound_bare_client_plus_postgres_messages_per_second", bound, "messages/s",
                    TARGET, bound / TARGET));
            metrics.add(metric("email_campaign_start_seconds", plain.startSeconds(), "s", plain.startSeconds(), 1.0));
            metrics.add(metric("email_campaign_messages_per_second", rate, "messages/s", baseline, rate / baseline));
            metrics.add(metric("email_campaign_messages_per_second_vs_target", rate, "messages/s", TARGET, rate / TARGET));
            metrics.add(metric("email_campaign_start_and_sending_seconds", plain.startSeconds() + plain.seconds(), "s",
                    MEMBERS / TARGET, (plain.startSeconds() + plain.seconds()) / (MEMBERS / TARGET)));
            metrics.add(metric("email_campaign_sink_received", received, "messages", MEMBERS, (double) received / MEMBERS));
            metrics.add(metric("email_campaign_sink_duplicates", duplicates, "messages", 0, 0));
            if (DKIM) {
                metrics.add(metric("email_campaign_dkim_messages_per_second", dkimRate, "messages/s", rate, dkimRate / rate));
            }
            metrics.add(metric("email_campaign_used_heap_after_gc_middle_mb", heapMiddle[0] / 1048576.0, "MB",
                    heapStart / 1048576.0, (double) heapMiddle[0] / heapStart));
            metrics.add(metric("email_campaign_used_heap_after_gc_end_mb", heapEnd / 1048576.0, "MB",
                    heapStart / 1048576.0, (double) heapEnd / heapStart));
            metrics.add(metric("load_average_1_min", Double.parseDouble(load.split(" ")[0]), "", 2, 
                    Double.parseDouble(load.split(" ")[0]) / 2));
            String json = "[\n" + String.join(",\n", metrics) + "\n]\n";
            Path report = Path.of("target", "bench", "email-send.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json);

            for (Sent run : List.of(plain, signed)) {
                check(as(account, () -> context.getBean(CampaignQueries.class).find(run.campaign()).orElseThrow().status())
                        == CampaignStatus.SENT, "not SENT");
                check(run.figures().sent() == MEMBERS && run.figures().failed() == 0 && run.figures().unknown() == 0,
                        "figures " + run.figures());
            }
            check(received == MEMBERS && dkimReceived == MEMBERS, "the sink received " + received + " then "
                    + dkimReceived + " messages for " + MEMBERS + " members");
            check(duplicates == 0 && dkimDuplicates == 0, "the sink received " + duplicates + " and " + dkimDuplicates
                    + " messages twice");
            check(heapEnd < heapStart + (64L << 20), "the heap grew from " + (heapStart >> 20) + " to "
                    + (heapEnd >> 20) + " MB");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            TestDatabases.drop(database);
        }
    }

    /** A campaign's send: how long starting it took, how long until all was handed over, and its figures then. */
    record Sent(CampaignId campaign, double startSeconds, double seconds, RunFigures figures) {
    }

    /** Creates and sends a campaign to every member from {@code from}, and runs {@value #WORKERS} workers until it is done. */
    static Sent send(ConfigurableApplicationContext context, AccountId account, String from, String html) throws Exception {
        CampaignCommands commands = context.getBean(CampaignCommands.class);
        CampaignQueries queries = context.getBean(CampaignQueries.class);
        OutboxWorkers workers = context.getBean(OutboxWorkers.class);
        CampaignId campaign = as(account, () -> commands.create(new CampaignDraft("Portes ouvertes " + from, "",
                Channel.EMAIL, BroadcastType.INFORMATIVE, new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Bonjour {{ contact.firstName }}, portes ouvertes samedi", "Tout le club vous attend",
                        html, "", null, "Club", from, "", ""))).id());
        long start = System.nanoTime();
        RunId run = as(account, () -> commands.send(campaign, null).runId());
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                running.add(threads.submit(() -> as(account, () -> workers.deliver(run))));
            }
            for (Future<Integer> worker : running) {
                worker.get();
            }
        }
        long done = System.nanoTime();
        RunFigures figures = as(account, () -> queries.runs(campaign).getFirst().figures());
        return new Sent(campaign, (started - start) / 1e9, (done - started) / 1e9, figures);
    }

    static long usedHeapAfterGc() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** About 15 KB of HTML with 6 merge tags and 10 links. */
    static String template() {
        StringBuilder html = new StringBuilder("<html><body><h1>Bonjour {{ contact.firstName }} {{ contact.lastName }} !</h1>");
        for (int i = 0; i < 10; i++) {
            html.append("<p>").append("Le club ouvre ses portes samedi : cours d’essai, rencontre avec les coachs, goûter. "
                    .repeat(3)).append("<a href=\"https://club.example/page-").append(i).append("\">En savoir plus</a></p>");
        }
        html.append("<p>Votre adresse : {{ contact.email }}. À samedi, {{ contact.firstName }} !</p>");
        while (html.length() < 15_000) {
            html.append("<p>Horaires, tarifs et accès au club : tout est sur notre site, et à l’accueil.</p>");
        }
        html.append("<p>{{ contact.lastName }} — {{ contact.email }}</p></body></html>");
        return html.toString();
    }

    /** A bare client's pass: messages per second, and what it cost the machine. */
    record Bare(double rate, CpuMeter cpu, int bytes) {
    }

    /**
     * A bare Angus client: {@link #CONNECTIONS} threads, each with its own connection (TCP_NODELAY),
     * sending {@code n} pre-rendered messages in all. The message is encoded once, before the clock
     * starts; each thread then writes the same bytes with another recipient each time.
     */
    static Bare bare(SmtpSink sink, String html, int n) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(sink.port()));
        props.put("mail.smtp.socketFactory.class", NoDelaySocketFactory.class.getName());
        Session session = Session.getInstance(props);
        String rendered = html.replace("{{ contact.firstName }}", "Léa").replace("{{ contact.lastName }}", "Martin")
                .replace("{{ contact.email }}", "m1@bench.fr")
                // links as long as the campaign's signed ones (a 94-character token), and its open pixel
                .replaceAll("https://club\\.example/page-\\d", "https://pv.example/public/c/" + "x".repeat(94))
                .replace("</body>", "<img src=\"https://pv.example/public/o/" + "x".repeat(94)
                        + "\" width=\"1\" height=\"1\" alt=\"\"></body>");
        MimeMessage built = new MimeMessage(session);
        built.setFrom(new InternetAddress("club@bench.fr", "Club"));
        built.setSubject("Bonjour Léa, portes ouvertes samedi", "UTF-8");
        MimeMultipart parts = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Bonjour Léa", "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(rendered, "text/html; charset=UTF-8");
        // as the campaign writes a body that is not plain ASCII
        rich.setHeader("Content-Transfer-Encoding", "base64");
        parts.addBodyPart(plain);
        parts.addBodyPart(rich);
        built.setContent(parts);
        built.saveChanges();
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        built.writeTo(encoded);
        byte[] bytes = encoded.toByteArray();
        CpuMeter before = CpuMeter.now();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < CONNECTIONS; t++) {
                int share = n / CONNECTIONS + (t < n % CONNECTIONS ? 1 : 0);
                running.add(threads.submit(() -> {
                    Transport transport = session.getTransport("smtp");
                    transport.connect();
                    // parsed from its bytes: written as they are, the body never encoded again
                    MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(bytes));
                    for (int i = 0; i < share; i++) {
                        InternetAddress to = new InternetAddress("b" + i + "@bare.example");
                        message.setRecipient(Message.RecipientType.TO, to);
                        transport.sendMessage(message, new InternetAddress[] {to});
                    }
                    transport.close();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return new Bare(n / ((System.nanoTime() - start) / 1e9), CpuMeter.now().since(before), bytes.length);
    }

    private static <T> T as(AccountId account, Supplier<T> work) {
        return SystemActor.call("bench", () -> TenantContext.callAs(account, work));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
