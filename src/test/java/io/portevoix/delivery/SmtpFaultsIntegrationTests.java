package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.SuppressionQueries;
import io.portevoix.audience.SuppressionReason;
import io.portevoix.billing.CreditBalance;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.CreditQueries;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.OutgoingMail;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.ScriptedSmtpServer;
import io.portevoix.support.ScriptedSmtpServer.Accepted;
import io.portevoix.support.ScriptedSmtpServer.Answer;
import io.portevoix.support.ScriptedSmtpServer.Reply;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A campaign sent to a misbehaving SMTP server (its own application context, pointed at a
 * {@link ScriptedSmtpServer} instead of the sandbox, with a 200 ms back-off): the server answers
 * 451 for a while, then drops connections in the middle of the envelope, then recovers. Every
 * recipient is delivered exactly once, the one the server refuses with 550 ends FAILED and
 * suppressed as a hard bounce, and only what left is charged. The tests run the workers
 * themselves: JobRunr's background server is off in this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portevoix.demo.enabled=false", "portevoix.delivery.sandbox.enabled=false",
        "portevoix.delivery.smtp.host=127.0.0.1", "portevoix.delivery.retry-base=200ms",
        "jobrunr.background-job-server.enabled=false"})
class SmtpFaultsIntegrationTests {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpFaultsIntegrationTests.class);

    /**
     * Starting a second application context replaces the static security-context strategy that the
     * shared context's method security captured; the other test classes need it back afterwards.
     */
    private static final org.springframework.security.core.context.SecurityContextHolderStrategy SHARED_STRATEGY =
            org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();

    @org.junit.jupiter.api.AfterAll
    static void restoreTheSharedSecurityStrategy() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(SHARED_STRATEGY);
    }

    static final Duration RETRY_BASE = Duration.ofMillis(200);
    static final ScriptedSmtpServer SMTP = ScriptedSmtpServer.start();

    /**
     * A database of its own: this context's JobRunr server and outbox workers must never pick up the
     * shared context's runs (nor the other way round), which a shared database would let them do.
     */
    static final String DATABASE = io.portevoix.support.TestDatabases.create("portevoix_faults", "portevoix_owner");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("portevoix.delivery.smtp.port", SMTP::port);
        registry.add("spring.datasource.url", () -> io.portevoix.support.TestDatabases.jdbcUrl(DATABASE));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands creditCommands;
    @Autowired CreditQueries credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired SuppressionQueries suppressions;
    @Autowired OutboxWorkers workers;
    @Autowired MailTransport transport;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    AccountId account;
    String domain;

    @BeforeEach
    void account() {
        SMTP.reset();
        String admin = uniqueEmail("faults");
        account = asSystem(() -> accounts.create(new CreateAccount("Pannes", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        domain = "f" + System.nanoTime() + ".example";
    }

    @AfterEach
    void logout() {
        TestActors.logout();
        SMTP.reset();
    }

    @Test
    void aRunSurvivesTemporaryRefusalsAndDroppedConnectionsAndSuppressesTheHardBounce() {
        asSystem(() -> creditCommands.grant(new GrantCredits(account, 10, "test")));
        List<String> good = addresses(4);
        String bounced = "refused@" + domain;
        good.forEach(this::member);
        member(bounced);
        Reply refused = Reply.of(550, "5.1.1 No such user");

        // phase 1: the server is overloaded, everyone but the unknown user is told to come back later
        SMTP.onRecipient(a -> a.equals(bounced) ? refused : Reply.of(451, "4.3.2 Try again later"));
        CampaignDetails c = draft();
        RunId run = campaigns.send(c.id(), null).runId();
        wakeUntil(run, () -> everyGot(good, 451, 2));

        // phase 2: it drops every connection once the recipient is given
        SMTP.onRecipient(a -> a.equals(bounced) ? refused : Reply.DROP);
        wakeUntil(run, () -> everyGot(good, 0, 2));

        // phase 3: it recovers
        SMTP.onRecipient(a -> a.equals(bounced) ? refused : Reply.OK);
        wakeUntil(run, () -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);

        RunFigures figures = queries.runs(c.id()).getFirst().figures();
        assertThat(figures).isEqualTo(new RunFigures(5, 0, 0, 4, 1, 0));
        List<Accepted> received = SMTP.accepted().stream().filter(m -> m.recipient().endsWith("@" + domain)).toList();
        assertThat(received).extracting(Accepted::recipient).containsExactlyInAnyOrderElementsOf(good);
        assertThat(received).extracting(Accepted::messageId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(suppressions.list()).anySatisfy(entry -> {
            assertThat(entry.address()).isEqualTo(bounced);
            assertThat(entry.reason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
        });
        assertThat(suppressions.isSuppressed(good.getFirst())).isFalse();
        // 4 messages left: they are charged, the refused one is given back
        assertThat(credits.balance()).isEqualTo(new CreditBalance(6, 0));
        // the unknown user was asked once: a 5xx is never retried
        assertThat(SMTP.answers()).filteredOn(a -> a.recipient().equals(bounced)).hasSize(1);
        // and nobody was retried before its back-off was over
        for (String address : good) {
            List<Answer> tries = SMTP.answers().stream().filter(a -> a.recipient().equals(address)).toList();
            for (int i = 1; i < tries.size(); i++) {
                assertThat(Duration.between(tries.get(i - 1).at(), tries.get(i).at())).isGreaterThanOrEqualTo(RETRY_BASE);
            }
        }
    }

    /**
     * With a server that accepts at once, one worker hands a message over a pooled connection in a
     * few milliseconds, a small one or one larger than Angus's 8 KiB output buffer (whose last
     * segment, without TCP_NODELAY, would wait for the server's delayed ACK, ~40 ms).
     */
    @Test
    void oneWorkerHandsOverSmallAndLargeMessagesWithoutStalling() {
        assertThat(measure(200, 300)).isLessThan(Duration.ofMillis(20));
        assertThat(measure(40_000, 100)).isLessThan(Duration.ofMillis(20));

        // the same through a run: one worker (this thread) claims the whole batch and renders, sends, records
        int members = 200;
        asSystem(() -> creditCommands.grant(new GrantCredits(account, members, "test")));
        addresses(members).forEach(this::member);
        CampaignDetails c = draft();
        RunId run = campaigns.send(c.id(), null).runId();
        long start = System.nanoTime();
        int sent = SystemActor.call("test worker", () -> TenantContext.callAs(account, () -> workers.deliver(run)));
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("One worker through a run: {} messages in {} s = {} messages/s", sent, String.format("%.2f", seconds),
                Math.round(sent / seconds));
        assertThat(sent).isPositive();
        wakeUntil(run, () -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);
        assertThat(queries.runs(c.id()).getFirst().figures().sent()).isEqualTo(members);
    }

    /**
     * While the server holds every message it is given, one worker (this test's; JobRunr's are off
     * here) marks two hand-over groups SENDING and no more: 2 × 4 × the default parallelism of 8 =
     * 64, the in-flight bound that a crash turns into UNKNOWN at most (RunDelivery). The server only
     * ever gets a message that was committed SENDING first, and once it lets go every member gets
     * the message once.
     */
    @Test
    void aWorkerMarksAtMostTwoGroupsSendingAndHandsOverOnlyWhatIsMarked() throws Exception {
        int members = 300;
        asSystem(() -> creditCommands.grant(new GrantCredits(account, members, "test")));
        List<String> everyone = addresses(members);
        everyone.forEach(this::member);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        SMTP.onRecipient(address -> {
            seen.add(address);
            try {
                hold.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.OK;
        });
        CampaignDetails c = draft();
        RunId run = campaigns.send(c.id(), null).runId();
        var worker = java.util.concurrent.CompletableFuture.supplyAsync(() -> SystemActor.call("test worker",
                () -> TenantContext.callAs(account, () -> workers.deliver(run))));
        try {
            // each of the pool's 4 connections carries a held message; the worker goes on until two groups are SENDING
            await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 4 && states(run).getOrDefault("SENDING", 0L) >= 64);
            Thread.sleep(500);
            assertThat(states(run)).containsEntry("SENDING", 64L).containsEntry("PENDING", (long) members - 64);
            assertThat(seen).hasSize(4);
            for (String address : seen) {
                assertThat(stateOf(run, address)).isEqualTo("SENDING");
            }
        } finally {
            hold.countDown();
        }
        assertThat(worker.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(members);
        assertThat(states(run)).isEqualTo(Map.of("SENT", (long) members));
        assertThat(SMTP.accepted().stream().filter(m -> m.recipient().endsWith("@" + domain)).map(Accepted::recipient))
                .containsExactlyInAnyOrderElementsOf(everyone);
    }

    /** How many of the run's messages are in each state. */
    private Map<String, Long> states(RunId run) {
        return TenantContext.callAs(account, () -> transactions.execute(status -> {
            Map<String, Long> states = new java.util.HashMap<>();
            jdbc.query("select state, count(*) from delivery.message where account_id = ? and run_id = ? group by state",
                    rs -> {
                        states.put(rs.getString(1), rs.getLong(2));
                    }, account.value(), run.value());
            return states;
        }));
    }

    private String stateOf(RunId run, String address) {
        return TenantContext.callAs(account, () -> transactions.execute(status -> jdbc.queryForObject(
                "select state from delivery.message where account_id = ? and run_id = ? and address = ?", String.class,
                account.value(), run.value(), address)));
    }

    /** Sends {@code n} messages of about {@code size} bytes of HTML through the transport; returns the median time. */
    private Duration measure(int size, int n) {
        String html = "<p>" + "Bonjour à tous. ".repeat(size / 16) + "</p>";
        for (int i = 0; i < 20; i++) {
            transport.send(transport.builtIn().orElseThrow(), mail(i, html));
        }
        long[] times = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            transport.send(transport.builtIn().orElseThrow(), mail(i, html));
            times[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(times);
        LOG.info("Transport alone, {} B of HTML: {} messages in {} s = {} messages/s; per message median {} ms, p95 {} ms,"
                + " max {} ms", html.length(), n, String.format("%.2f", seconds), Math.round(n / seconds),
                String.format("%.1f", times[n / 2] / 1e6), String.format("%.1f", times[n * 95 / 100] / 1e6),
                String.format("%.1f", times[n - 1] / 1e6));
        return Duration.ofNanos(times[n / 2]);
    }

    private OutgoingMail mail(int i, String html) {
        return new OutgoingMail(new EmailAddress("news@porte-voix.test"), "Porte-Voix",
                new EmailAddress("speed" + i + "@" + domain), "Vitesse", "Bonjour", html, "<s" + i + "." + domain + ">", null,
                Map.of());
    }

    private List<String> addresses(int n) {
        return IntStream.range(0, n).mapToObj(i -> "m" + i + "@" + domain).toList();
    }

    private void member(String address) {
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, address).build(), ConsentSource.API);
    }

    private CampaignDetails draft() {
        return campaigns.create(new CampaignDraft("Pannes " + System.nanoTime(), "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Objet", "", "<p>Bonjour</p>", "", null, "", "", "", "")));
    }

    /** Whether the server gave every address {@code code} (0: a dropped connection) at least {@code times} times. */
    private static boolean everyGot(List<String> addresses, int code, int times) {
        List<Answer> answers = SMTP.answers();
        Predicate<String> got = address -> answers.stream()
                .filter(a -> a.recipient().equals(address) && a.code() == code).count() >= times;
        return addresses.stream().allMatch(got);
    }

    /** Runs a worker of the run, as its job would, until the condition holds (instead of waiting for the sweep). */
    private void wakeUntil(RunId run, java.util.concurrent.Callable<Boolean> condition) {
        await().pollInSameThread().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(20)).until(() -> {
            SystemActor.call("test worker", () -> TenantContext.callAs(account, () -> workers.deliver(run)));
            return condition.call();
        });
    }
}
