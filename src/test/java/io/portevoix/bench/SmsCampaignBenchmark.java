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
import io.portevoix.campaigns.RunSummary;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.delivery.OutboxWorkers;
import io.portevoix.delivery.adapter.smpp.SmppSmsGateway;
import io.portevoix.shared.AccountId;
import io.portevoix.support.SmppTestServer;
import io.portevoix.support.TestDatabases;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * SMS campaign benchmark ({@code mvn -Pbench test -Dtest=SmsCampaignBenchmark}, not part of the
 * suite): a whole campaign to {@code bench.members} members (default 100,000, French mobiles, SMS
 * informative consent) through the application as it runs in production: the send freezes the
 * recipients into the outbox and reserves their credits, then {@value #WORKERS} outbox workers (as
 * many as the JobRunr scheduler enqueues per run, called here directly instead of waiting for
 * JobRunr's polling) claim batches, read the members, render the personalised text and hand each
 * batch to the SMPP gateway (window {@value #WINDOW}, no rate limit) into an in-process SMSC that
 * accepts everything at once. A first campaign has a one-part text without a link, a second one a
 * link each worker shortens per member. Measures the start (freeze and reservation) and the
 * submit_sm per second from the started run until every message is SENT, next to the same server
 * fed by a bare jSMPP client with the same window (measured before and after the campaigns, the
 * mean reported). Checks that nothing was lost or doubled: the server received exactly one
 * submit_sm per part, the run counts every member SENT and nothing failed or uncertain. Target: at
 * least {@value #TARGET} submit_sm/s. Also reports where the workers' time goes ({@link Phases}): the
 * seconds spent in each port call, out of the workers' wall-clock seconds. Writes
 * {@code target/bench/sms-campaign.json}.
 */
@Tag("bench")
class SmsCampaignBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    static final int WINDOW = 10;
    /** Workers per run, as {@code JobRunrDeliveryJobs.WORKERS}. */
    static final int WORKERS = 2;
    static final int WARM_UP = 5_000;
    static final double TARGET = 1_000;
    static final String PUBLIC_URL = "https://pv.example";
    /** One part for every member: at most 70 characters with the longest first name, even in UCS-2. */
    static final String TEXT = "Bonjour {{ contact.firstName }}, portes ouvertes samedi au club !";
    /** One part too once the link is shortened ({@code https://pv.example/s/} and 15 characters). */
    static final String TEXT_WITH_LINK = "Bonjour {{ contact.firstName }} ! Samedi : https://club.example/portes-ouvertes";
    static final String BARE_TEXT = "Bonjour Léa, portes ouvertes samedi au club !";

    record Measured(String name, double startSeconds, double sendSeconds, long submits, RunFigures figures,
            java.util.Map<String, Double> phases) {

        double rate() {
            return figures.parts() / sendSeconds;
        }
    }

    @Test
    void aHundredThousandSmsCampaignThroughTheOutboxAndSmpp() throws Exception {
        String database = TestDatabases.create("portevoix_bench_campaign", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (SmppTestServer server = SmppTestServer.startCounting();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class).run(
                        "--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                        "--portevoix.tenancy.bootstrap.account=Bench",
                        "--portevoix.tenancy.bootstrap.admin-email=bench@club.example",
                        "--portevoix.tenancy.bootstrap.admin-password=bench-password-123",
                        "--portevoix.tenancy.bootstrap.credits=" + 3L * MEMBERS, "--logging.level.root=warn",
                        "--portevoix.tracking.public-url=" + PUBLIC_URL, "--jobrunr.background-job-server.enabled=false",
                        "--portevoix.demo.enabled=false", "--portevoix.delivery.sandbox.enabled=false",
                        "--portevoix.delivery.sms.gateway=smpp", "--portevoix.sms.smpp.host=" + server.host(),
                        "--portevoix.sms.smpp.port=" + server.port(), "--portevoix.sms.smpp.system-id=" + server.systemId(),
                        "--portevoix.sms.smpp.password=" + server.password(), "--portevoix.sms.smpp.window=" + WINDOW,
                        "--portevoix.sms.smpp.max-per-second=0");
                BareSmppClient bare = BareSmppClient.bind(server, WINDOW)) {
            AccountId account = SystemActor.call("bench", () -> context.getBean(AccountQueries.class).all().stream()
                    .map(AccountSummary::id).findFirst().orElseThrow());
            long generateStart = System.nanoTime();
            BenchMembers.generate(database, account, MEMBERS, BenchMembers.Mobiles.FRENCH);
            double generated = (System.nanoTime() - generateStart) / 1e9;
            SmppSmsGateway gateway = context.getBean(SmppSmsGateway.class);
            while (!gateway.bound()) {
                Thread.sleep(10);
            }

            Phases phases = new Phases();
            System.err.println("phases timed on " + phases.attach(context, io.portevoix.delivery.application.port.Messages.class,
                    CampaignQueries.class, io.portevoix.audience.ContactQueries.class,
                    io.portevoix.delivery.spi.TrackingLinks.class));
            bare.submit(WARM_UP, i -> BARE_TEXT);
            double bareBefore = MEMBERS / (bare.submit(MEMBERS, i -> BARE_TEXT) / 1e9);
            Measured plain = campaign(context, server, phases, account, "Portes ouvertes", TEXT);
            double bareAfter = MEMBERS / (bare.submit(MEMBERS, i -> BARE_TEXT) / 1e9);
            Measured linked = campaign(context, server, phases, account, "Portes ouvertes (lien)",
                    TEXT_WITH_LINK);
            double baseline = (bareBefore + bareAfter) / 2;
            System.err.printf("bare client %.0f then %.0f submit_sm/s; %s; %s%n", bareBefore, bareAfter, plain, linked);

            List<String> metrics = new ArrayList<>();
            metrics.add(metric("members_generated_seconds", generated, "s", generated, 1.0));
            metrics.add(metric("baseline_bare_client_submit_sm_per_second", baseline, "submit_sm/s", bareBefore,
                    bareAfter / bareBefore));
            for (Measured m : List.of(plain, linked)) {
                String p = "sms_campaign_" + m.name() + "_";
                metrics.add(metric(p + "start_seconds", m.startSeconds(), "s", m.startSeconds(), 1.0));
                metrics.add(metric(p + "submit_sm_per_second", m.rate(), "submit_sm/s", baseline, m.rate() / baseline));
                metrics.add(metric(p + "submit_sm_per_second_vs_target", m.rate(), "submit_sm/s", TARGET, m.rate() / TARGET));
                metrics.add(metric(p + "sending_seconds", m.sendSeconds(), "s", m.figures().parts() / baseline,
                        m.sendSeconds() / (m.figures().parts() / baseline)));
                metrics.add(metric(p + "start_and_sending_seconds", m.startSeconds() + m.sendSeconds(), "s",
                        m.figures().parts() / baseline, (m.startSeconds() + m.sendSeconds()) / (m.figures().parts() / baseline)));
                metrics.add(metric(p + "server_submits", m.submits(), "submit_sm", m.figures().parts(),
                        (double) m.submits() / m.figures().parts()));
                double workerSeconds = WORKERS * m.sendSeconds();
                double timed = 0;
                for (var phase : m.phases().entrySet()) {
                    timed += phase.getValue();
                    metrics.add(metric(p + "phase_" + phase.getKey().replaceAll("[^A-Za-z]+", "_").replaceAll("_$", ""),
                            phase.getValue(), "s", workerSeconds, phase.getValue() / workerSeconds));
                }
                metrics.add(metric(p + "phase_rest_rendering_transactions", workerSeconds - timed, "s", workerSeconds,
                        (workerSeconds - timed) / workerSeconds));
                metrics.add(metric(p + "run_sent", m.figures().sent(), "messages", MEMBERS, (double) m.figures().sent() / MEMBERS));
            }
            String json = "[\n" + String.join(",\n", metrics) + "\n]\n";
            Path report = Path.of("target", "bench", "sms-campaign.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, json);
            System.err.println(json);

            for (Measured m : List.of(plain, linked)) {
                check(m.figures().sent() == MEMBERS, m.name() + ": sent " + m.figures());
                check(m.figures().parts() == MEMBERS, m.name() + ": one part each expected " + m.figures());
                check(m.figures().failed() == 0 && m.figures().unknown() == 0 && m.figures().pending() == 0,
                        m.name() + ": " + m.figures());
                check(m.submits() == m.figures().parts(), m.name() + ": the server received " + m.submits()
                        + " submit_sm for " + m.figures().parts() + " parts");
            }
            check(plain.rate() >= TARGET, "below the target: " + plain.rate() + " submit_sm/s");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
            TestDatabases.drop(database);
        }
    }

    /** Creates and sends the campaign, then runs its workers until they have nothing left to claim. */
    private static Measured campaign(ConfigurableApplicationContext context, SmppTestServer server, Phases phases,
            AccountId account, String name, String text) throws Exception {
        CampaignCommands commands = context.getBean(CampaignCommands.class);
        CampaignQueries queries = context.getBean(CampaignQueries.class);
        OutboxWorkers workers = context.getBean(OutboxWorkers.class);
        CampaignId campaign = as(account, () -> commands.create(new CampaignDraft(name, "", Channel.SMS,
                BroadcastType.INFORMATIVE, new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("", "", "", text, null, "", "", "", ""))).id());
        long submitsBefore = server.submitCount();
        long start = System.nanoTime();
        RunId run = as(account, () -> commands.send(campaign, null).runId());
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger named = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(WORKERS,
                r -> new Thread(r, Phases.WORKER + named.incrementAndGet()))) {
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                running.add(threads.submit(() -> as(account, () -> workers.deliver(run))));
            }
            for (Future<Integer> worker : running) {
                worker.get();
            }
        }
        long done = System.nanoTime();
        long submits = server.submitCount() - submitsBefore;
        RunSummary summary = as(account, () -> queries.runs(campaign).getFirst());
        check(as(account, () -> queries.find(campaign).orElseThrow().status()) == CampaignStatus.SENT,
                name + " is not SENT: " + summary);
        return new Measured(name.contains("lien") ? "with_link" : "plain", (started - start) / 1e9, (done - started) / 1e9,
                submits, summary.figures(), phases.takeSeconds());
    }

    /**
     * Wall-clock time of the outbox workers' calls to the ports they use, added as advice to the
     * application's own proxies of those beans once it runs (nothing is replaced); only the outermost
     * call of a worker thread counts. The gateway's share is the time from the end of the batch's
     * link shortening to the start of its outcome writing (the parts check and the submits).
     */
    static final class Phases implements org.aopalliance.intercept.MethodInterceptor {

        static final String WORKER = "bench-worker-";
        private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> nanos =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final ThreadLocal<long[]> state = ThreadLocal.withInitial(() -> new long[2]);

        /** Adds this advice to each bean that is an unfrozen Spring proxy; returns the instrumented types. */
        List<String> attach(ConfigurableApplicationContext context, Class<?>... types) {
            List<String> attached = new ArrayList<>();
            for (Class<?> type : types) {
                Object bean = context.getBean(type);
                if (bean instanceof org.springframework.aop.framework.Advised advised && !advised.isFrozen()) {
                    advised.addAdvice(0, this);
                    attached.add(type.getSimpleName());
                }
            }
            return attached;
        }

        @Override
        public Object invoke(org.aopalliance.intercept.MethodInvocation invocation) throws Throwable {
            if (!Thread.currentThread().getName().startsWith(WORKER)) {
                return invocation.proceed();
            }
            long[] s = state.get();
            if (s[0]++ > 0) {
                try {
                    return invocation.proceed();
                } finally {
                    s[0]--;
                }
            }
            String name = invocation.getMethod().getName();
            long start = System.nanoTime();
            if (name.equals("smsSent") && s[1] != 0) {
                add("gateway.submit (after shortenSms, before smsSent)", start - s[1]);
                s[1] = 0;
            }
            try {
                return invocation.proceed();
            } finally {
                long end = System.nanoTime();
                s[0]--;
                add(invocation.getMethod().getDeclaringClass().getSimpleName() + "." + name, end - start);
                if (name.equals("shortenSms")) {
                    s[1] = end;
                }
            }
        }

        private void add(String phase, long n) {
            nanos.computeIfAbsent(phase, k -> new java.util.concurrent.atomic.LongAdder()).add(n);
        }

        /** Seconds per phase since the last call, largest first. */
        java.util.LinkedHashMap<String, Double> takeSeconds() {
            java.util.LinkedHashMap<String, Double> seconds = new java.util.LinkedHashMap<>();
            nanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                    .forEach(e -> seconds.put(e.getKey(), e.getValue().sumThenReset() / 1e9));
            return seconds;
        }
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
