package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.support.TestActors;
import io.portevoix.support.TestDatabases;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail over several SMTP servers (its own application context and database, no built-in
 * server, two GreenMail servers configured through the administration's port, a 200 ms back-off;
 * the test thread is the run's worker, JobRunr's server is off): messages are spread by weight, a
 * stopped server's share goes to the other at once (none lost, none twice), a campaign or an
 * account may restrict the servers, the per-server and per-account limits hold within 10 %,
 * passwords are stored sealed, and only a platform administrator manages servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portevoix.demo.enabled=false", "portevoix.delivery.sandbox.enabled=false", "portevoix.delivery.smtp.host=",
        "portevoix.delivery.retry-base=200ms", "jobrunr.background-job-server.enabled=false",
        "portevoix.delivery.secret=0123456789abcdef0123456789abcdef-smtp-tests",
        "portevoix.tenancy.bootstrap.account=Serveurs", "portevoix.tenancy.bootstrap.admin-email=root@smtp.example",
        "portevoix.tenancy.bootstrap.admin-password=" + PASSWORD, "portevoix.tenancy.bootstrap.credits=100000"})
class SmtpServersIntegrationTests {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpServersIntegrationTests.class);
    private static final org.springframework.security.core.context.SecurityContextHolderStrategy SHARED_STRATEGY =
            org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();
    static final String DATABASE = TestDatabases.create("portevoix_smtp_servers", "portevoix_owner");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.jdbcUrl(DATABASE));
    }

    @AfterAll
    static void restoreTheSharedSecurityStrategy() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(SHARED_STRATEGY);
    }

    @Autowired SmtpServers servers;
    @Autowired EmailOptions emailOptions;
    @Autowired AccountCommands accountCommands;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired OutboxWorkers workers;
    @Autowired JdbcTemplate jdbc;

    GreenMail a;
    GreenMail b;
    AccountId account;
    String domain;

    String clubAdmin;

    /** Two fresh SMTP servers, none configured yet, and a fresh account (its administrator logs in when a test acts for it). */
    @BeforeEach
    void serversAndAccount() {
        a = start();
        b = start();
        asRoot();
        servers.all().forEach(s -> servers.delete(s.id()));
        clubAdmin = uniqueEmail("club");
        account = asSystem(() -> accountCommands.create(new CreateAccount("Club", null, new EmailAddress(clubAdmin), "",
                PASSWORD)));
        asSystem(() -> credits.grant(new GrantCredits(account, 1_000, "test")));
        domain = "s" + System.nanoTime() + ".example";
    }

    private void asRoot() {
        assertThat(login(loginProvider, "root@smtp.example").platformAdministrator()).isTrue();
    }

    private void asClub() {
        login(loginProvider, clubAdmin);
    }

    @AfterEach
    void stop() {
        TestActors.logout();
        a.stop();
        b.stop();
    }

    @Test
    void messagesAreSpreadOverTheServersByWeight() {
        server("A", a, 3, null);
        server("B", b, 1, null);
        CampaignDetails c = campaign(200);
        deliver(c);
        assertThat(status(c)).isEqualTo(CampaignStatus.SENT);
        int onA = received(a).length;
        int onB = received(b).length;
        LOG.info("Weights 3:1 over 200 messages: {} on A, {} on B", onA, onB);
        assertThat(onA + onB).isEqualTo(200);
        assertThat(onA).isBetween(140, 160);
        assertThat(onB).isBetween(40, 60);
        assertThat(messageIds(a, b)).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void aStoppedServersShareGoesThroughTheOtherAtOnceNoneLostNoneTwice() {
        server("A", a, 1, null);
        server("B", b, 1, null);
        b.stop();
        CampaignDetails c = campaign(100);
        int sent = deliver(c);
        assertThat(sent).as("every message sent in the first pass, none postponed as a retry").isEqualTo(100);
        RunFigures figures = queries.runs(c.id()).getFirst().figures();
        assertThat(figures.sent()).isEqualTo(100);
        assertThat(figures.failed() + figures.unknown() + figures.pending()).isZero();
        assertThat(received(a)).hasSize(100);
        assertThat(messageIds(a)).doesNotHaveDuplicates().hasSize(100);
        assertThat(recipients(a)).containsExactlyInAnyOrderElementsOf(addresses(100));
    }

    @Test
    void aCampaignOrAnAccountMayRestrictTheServers() {
        SmtpServer serverA = server("A", a, 1, null);
        SmtpServer serverB = server("B", b, 1, null);
        CampaignDetails onB = campaign(20);
        campaigns.chooseSmtpServers(onB.id(), List.of(serverB.id()));
        assertThat(queries.smtpServers(onB.id())).containsExactly(serverB.id());
        // the campaign's test e-mail takes the campaign's servers, as its members' messages will
        assertThat(campaigns.sendTest(onB.id(), List.of("essai1@" + domain, "essai2@" + domain, "essai3@" + domain,
                "essai4@" + domain), null)).isEqualTo(4);
        assertThat(received(b)).hasSize(4);
        deliver(onB);
        assertThat(received(b)).hasSize(24);
        assertThat(received(a)).isEmpty();

        asClub();
        emailOptions.chooseServers(List.of(serverA.id()));
        domain = "t" + System.nanoTime() + ".example";
        deliver(campaign(10));
        assertThat(received(a)).as("the account's 30 members, all through A").hasSize(30);
        assertThat(received(b)).hasSize(24);

        asRoot();
        servers.enable(serverB.id(), false);
        CampaignDetails draft = campaign(0);
        assertThatThrownBy(() -> campaigns.chooseSmtpServers(draft.id(), List.of(serverB.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("smtpServers");
        assertThatThrownBy(() -> emailOptions.chooseServers(List.of(UUID.randomUUID())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aServersLimitOfTwentyPerSecondHoldsWithinTenPercent() {
        server("A", a, 1, 20);
        server("B", b, 1, 20);
        b.stop();
        deliver(campaign(MEASURED));
        assertRate(a, 20);
    }

    @Test
    void anAccountsLimitOfTwentyPerSecondHoldsWithinTenPercent() {
        server("A", a, 1, null);
        asClub();
        emailOptions.limit(20, 10_000, null);
        deliver(campaign(MEASURED));
        assertRate(a, 20);
    }

    @Test
    void aPasswordIsStoredSealedAndNeverShown() {
        SmtpServer saved = servers.create(new SaveSmtpServer("Relais", "smtp.relay.example", 587, SmtpSecurity.STARTTLS,
                "club", "s3cret-Pa55word", 5, null, true));
        assertThat(saved.hasPassword()).isTrue();
        String stored = jdbc.queryForObject("select password_sealed from delivery.smtp_server where id = ?", String.class,
                saved.id());
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret-Pa55word");
        // editing without a password keeps it; an empty one removes it
        servers.update(saved.id(), new SaveSmtpServer("Relais", "smtp.relay.example", 587, SmtpSecurity.STARTTLS, "club",
                null, 5, null, true));
        assertThat(jdbc.queryForObject("select password_sealed from delivery.smtp_server where id = ?", String.class,
                saved.id())).isEqualTo(stored);
        assertThat(servers.update(saved.id(), new SaveSmtpServer("Relais", "smtp.relay.example", 587, SmtpSecurity.STARTTLS,
                "club", "", 5, null, true)).hasPassword()).isFalse();
    }

    @Test
    void invalidServersAreRefusedFieldByField() {
        server("A", a, 1, null);
        assertThatThrownBy(() -> servers.create(new SaveSmtpServer("a", "", 0, SmtpSecurity.NONE, "", null, 0, 0, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("name", "host", "port", "weight", "maxPerSecond"));
    }

    @Test
    void theConnectionTestSaysWhetherTheServerAnswers() {
        SmtpServer up = server("A", a, 1, null);
        SmtpServer down = server("B", b, 1, null);
        b.stop();
        assertThat(servers.test(up.id())).isEmpty();
        assertThat(servers.test(down.id())).isPresent();
    }

    @Test
    void onlyAPlatformAdministratorManagesServers() {
        asClub();
        assertThatThrownBy(() -> servers.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> servers.create(new SaveSmtpServer("X", "smtp.x.example", 25, SmtpSecurity.NONE, "", null, 1,
                null, true))).isInstanceOf(AccessDeniedException.class);
        // an account administrator (APPROVER) may set the account's own limits and servers
        assertThat(emailOptions.limit(5, null, null).perSecond()).isEqualTo(5);
    }

    /** Messages of a rate test: about 6 s at 20/s; the first {@value #SETTLING} (connections opening) are not measured. */
    static final int MEASURED = 120;
    static final int SETTLING = 10;

    private void assertRate(GreenMail server, double expected) {
        List<Long> times = Arrays.stream(received(server)).map(m -> {
            try {
                return m.getReceivedDate().getTime();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
        assertThat(times).hasSize(MEASURED);
        double seconds = (times.getLast() - times.get(SETTLING)) / 1000.0;
        double rate = (times.size() - 1 - SETTLING) / seconds;
        LOG.info("Limit {}/s: {} messages received over {} s = {} messages/s", expected, times.size(), seconds, rate);
        assertThat(rate).isBetween(expected * 0.9, expected * 1.1);
    }

    private SmtpServer server(String name, GreenMail mail, int weight, Integer perSecond) {
        return servers.create(new SaveSmtpServer(name, "127.0.0.1", mail.getSmtp().getPort(), SmtpSecurity.NONE, "", null,
                weight, perSecond, true));
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    /** A campaign to {@code members} new members of the club, created by its administrator (who stays logged in). */
    private CampaignDetails campaign(int members) {
        asClub();
        addresses(members).forEach(address -> contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, address).build(),
                ConsentSource.API));
        return campaigns.create(new CampaignDraft("Serveurs " + System.nanoTime(), "", Channel.EMAIL,
                BroadcastType.INFORMATIVE, new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("Objet", "", "<p>Bonjour {{ contact.firstName }}</p>", "", null, "", "", "", "")));
    }

    /** Sends the campaign and works its run in this thread until nothing is left; returns how many were sent. */
    private int deliver(CampaignDetails c) {
        RunId run = campaigns.send(c.id(), null).runId();
        return SystemActor.call("test worker", () -> TenantContext.callAs(account, () -> workers.deliver(run)));
    }

    private CampaignStatus status(CampaignDetails c) {
        return queries.find(c.id()).orElseThrow().status();
    }

    /** What a server received for this test's campaigns, to members at {@code .example} (staff mail may pass through it too). */
    private MimeMessage[] received(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().endsWith(".example"));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private List<String> addresses(int n) {
        return IntStream.range(0, n).mapToObj(i -> "m" + i + "@" + domain).toList();
    }

    private List<String> messageIds(GreenMail... servers) {
        List<String> ids = new ArrayList<>();
        for (GreenMail server : servers) {
            for (MimeMessage m : received(server)) {
                try {
                    ids.add(m.getMessageID());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ids;
    }

    private List<String> recipients(GreenMail server) {
        return Arrays.stream(received(server)).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
