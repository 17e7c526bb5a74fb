package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.SuppressionEntry;
import io.portevoix.audience.SuppressionQueries;
import io.portevoix.audience.SuppressionReason;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunId;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.SystemActor;
import io.portevoix.tenancy.TenantContext;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounces end to end, in a context of its own (its own database) that sends through a GreenMail
 * server whose IMAP side is the bounce mailbox: a campaign leaves with a tagged envelope sender and
 * both List-Unsubscribe forms; the DSNs, complaint, out-of-office and mailto unsubscribe delivered
 * into the mailbox are read by the poller and have their effects once, however often the poller
 * runs or a report is delivered; the webhook refuses a wrong secret and a bad body, and three soft
 * bounces in a row suppress the address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portevoix.demo.enabled=false", "portevoix.delivery.sandbox.enabled=false", "portevoix.delivery.smtp.host=127.0.0.1",
        "portevoix.delivery.bounces.address=" + BouncesIntegrationTests.BOUNCES,
        "portevoix.delivery.bounces.imap-host=127.0.0.1", "portevoix.delivery.bounces.imap-user=bounces",
        "portevoix.delivery.bounces.imap-password=secret", "portevoix.delivery.bounces.imap-security=none",
        "portevoix.delivery.bounces.webhook-secret=" + BouncesIntegrationTests.HOOK})
class BouncesIntegrationTests {

    static final String BOUNCES = "bounces@bounce.porte-voix.test";
    static final String HOOK = "hook-secret-0123456789";

    private static final org.springframework.security.core.context.SecurityContextHolderStrategy SHARED_STRATEGY =
            org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();

    static final GreenMail MAIL = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
    static final GreenMailUser BOX;

    static {
        MAIL.start();
        BOX = MAIL.setUser(BOUNCES, "bounces", "secret");
    }

    static final String DATABASE = io.portevoix.support.TestDatabases.create("portevoix_bounces", "portevoix_owner");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("portevoix.delivery.smtp.port", () -> MAIL.getSmtp().getPort());
        registry.add("portevoix.delivery.bounces.imap-port", () -> MAIL.getImap().getPort());
        registry.add("spring.datasource.url", () -> io.portevoix.support.TestDatabases.jdbcUrl(DATABASE));
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(SHARED_STRATEGY);
    }

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries contactQueries;
    @Autowired CreditCommands credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired SuppressionQueries suppressions;
    @Autowired OutboxWorkers workers;
    @Autowired BounceReports bounces;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @LocalServerPort int port;

    AccountId account;
    String domain;

    @BeforeEach
    void account() throws Exception {
        String admin = uniqueEmail("bounces");
        account = asSystem(() -> accounts.create(new CreateAccount("Rebonds", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        asSystem(() -> credits.grant(new GrantCredits(account, 100, "test")));
        domain = "b" + System.nanoTime() + ".example";
        MAIL.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void bouncesComplaintsAndMailtoUnsubscribesFromTheMailboxHaveTheirEffectsOnce() throws Exception {
        ContactId hard = member("hard@" + domain);
        ContactId soft = member("soft@" + domain);
        ContactId complaint = member("complaint@" + domain);
        ContactId unsubscribe = member("unsub@" + domain);
        ContactId away = member("away@" + domain);
        CampaignDetails c = sendAndWait(BroadcastType.MARKETING);

        MimeMessage toHard = received("hard@" + domain).getFirst();
        String returnPath = header(toHard, "Return-Path");
        assertThat(returnPath).matches("<?bounces\\+m[0-9]+-[0-9a-f]{16}@bounce\\.porte-voix\\.test>?");
        assertThat(header(toHard, "List-Unsubscribe")).contains("/public/u/", ">, <mailto:bounces+u")
                .contains("?subject=unsubscribe>");
        assertThat(header(toHard, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        deliver(dsn("r1@mx", envelope(toHard), "hard@" + domain, "5.1.1", "550 5.1.1 User unknown", toHard.getMessageID()));
        MimeMessage toSoft = received("soft@" + domain).getFirst();
        deliver(dsn("r2@mx", envelope(toSoft), "soft@" + domain, "4.2.2", "452 4.2.2 Mailbox full", toSoft.getMessageID()));
        // a complaint reaches the feedback-loop address: only the quoted Message-ID names the message
        deliver(arf("r3@fbl", "complaint@" + domain, received("complaint@" + domain).getFirst().getMessageID()));
        deliver(outOfOffice("r4@away", envelope(received("away@" + domain).getFirst())));
        String mailto = header(received("unsub@" + domain).getFirst(), "List-Unsubscribe").replaceAll(".*<mailto:([^?>]+).*", "$1");
        deliver(plain("r5@client", mailto, "unsubscribe"));

        assertThat(bounces.pollMailbox()).isEqualTo(5);
        assertThat(bounces.pollMailbox()).isZero();
        // the same DSN delivered again (as a server retrying its report would) changes nothing
        deliver(dsn("r1@mx", envelope(toHard), "hard@" + domain, "5.1.1", "550 5.1.1 User unknown", toHard.getMessageID()));
        assertThat(bounces.pollMailbox()).isEqualTo(1);

        assertThat(suppressions.list()).extracting(SuppressionEntry::address, SuppressionEntry::reason).contains(
                org.assertj.core.groups.Tuple.tuple("hard@" + domain, SuppressionReason.HARD_BOUNCE),
                org.assertj.core.groups.Tuple.tuple("complaint@" + domain, SuppressionReason.COMPLAINT));
        assertThat(suppressions.isSuppressed("soft@" + domain)).isFalse();
        assertThat(suppressions.isSuppressed("away@" + domain)).isFalse();
        assertThat(contactQueries.lastBounce(hard)).hasValueSatisfying(b -> assertThat(b.reason()).contains("User unknown"));
        assertThat(contactQueries.lastBounce(soft)).hasValueSatisfying(b -> assertThat(b.reason()).contains("Mailbox full"));
        assertThat(contactQueries.lastBounce(away)).isEmpty();
        assertThat(contactQueries.find(unsubscribe).orElseThrow().consents().allows(Channel.EMAIL, BroadcastType.MARKETING))
                .isFalse();
        assertThat(contactQueries.find(away).orElseThrow().consents().allows(Channel.EMAIL, BroadcastType.MARKETING)).isTrue();
        assertThat(bounceRows()).isEqualTo(3);
        var stats = queries.stats(c.id());
        assertThat(stats.bounced()).isEqualTo(2);
        assertThat(stats.sent()).isEqualTo(5);
        assertThat(contactQueries.messages(hard)).extracting(io.portevoix.audience.SentMessage::status).containsExactly("BOUNCED");
        assertThat(contactQueries.messages(complaint)).extracting(io.portevoix.audience.SentMessage::status)
                .containsExactly("SENT");
        // the out-of-office stays in the box for a person, flagged; the reports are gone
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).contains("Réponse automatique");
                assertThat(m.isSet(Flags.Flag.FLAGGED)).isTrue();
            });
        }
    }

    @Test
    void theWebhookChecksItsSecretAndBodyAndThreeSoftBouncesInARowSuppress() throws Exception {
        ContactId soft = member("soft@" + domain);
        member("other@" + domain);
        for (int i = 0; i < 3; i++) {
            sendAndWait(BroadcastType.INFORMATIVE);
        }
        List<String> ids = received("soft@" + domain).stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(ids).hasSize(3);

        assertThat(post("wrong", body("soft@" + domain, "soft", ids.get(0))).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = post(HOOK, body("soft@" + domain, "bouncy", ids.get(0)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(bad.body()).contains("type must be hard, soft or complaint");
        assertThat(post(HOOK, "{\"email\":\"soft@" + domain + "\",\"type\":\"soft\"}").body()).contains("messageId");
        HttpResponse<String> unknown = post(HOOK, body("soft@" + domain, "hard", "<CAF123@mail.example>"));
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).contains("\"ignored\":1");

        for (int i = 0; i < 2; i++) {
            assertThat(post(HOOK, body("soft@" + domain, "soft", ids.get(i))).statusCode()).isEqualTo(202);
        }
        int first = 2;
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> bounceRows() == first);
        assertThat(suppressions.isSuppressed("soft@" + domain)).isFalse();

        assertThat(post(HOOK, body("soft@" + domain, "soft", ids.get(2))).statusCode()).isEqualTo(202);
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> suppressions.isSuppressed("soft@" + domain));
        assertThat(suppressions.list()).filteredOn(e -> e.address().equals("soft@" + domain)).singleElement()
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
                    assertThat(e.comment()).startsWith("3 soft bounces in a row");
                });
        assertThat(contactQueries.lastBounce(soft)).isPresent();
        assertThat(suppressions.isSuppressed("other@" + domain)).isFalse();
    }

    private long bounceRows() {
        return SystemActor.call("test", () -> TenantContext.callAs(account, () -> transactions.execute(status ->
                jdbc.sql("select count(*) from delivery.bounce").query(Long.class).single())));
    }

    private ContactId member(String address) {
        return contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, address)
                .set(ContactField.CONSENTS, Map.of(Channel.EMAIL, Map.of(BroadcastType.MARKETING, true))).build(),
                ConsentSource.API).contact().id();
    }

    private CampaignDetails sendAndWait(BroadcastType type) {
        CampaignDetails c = campaigns.create(new CampaignDraft("Rebonds " + System.nanoTime(), "", Channel.EMAIL, type,
                new Audience(List.of("all"), List.of(), List.of(), List.of(), null),
                new CampaignContent("La lettre", "", "<p>Bonjour</p>", "", null, "", "", "", "")));
        RunId run = campaigns.send(c.id(), null).runId();
        await().pollInSameThread().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(20)).until(() -> {
            SystemActor.call("test worker", () -> TenantContext.callAs(account, () -> workers.deliver(run)));
            return queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT;
        });
        return c;
    }

    private static List<MimeMessage> received(String address) {
        return Stream.of(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Stream.of(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String header(MimeMessage m, String name) throws Exception {
        String value = m.getHeader(name, ",");
        assertThat(value).as(name).isNotNull();
        return value.replaceAll("\\s+", " ").strip();
    }

    /** The envelope sender the message left with, where its bounces go. */
    private static String envelope(MimeMessage m) throws Exception {
        return header(m, "Return-Path").replaceAll("[<>]", "");
    }

    private static void deliver(String raw) throws Exception {
        BOX.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    static String dsn(String id, String to, String recipient, String status, String diagnostic, String messageId) {
        return """
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; %s

                --b
                Content-Type: text/rfc822-headers

                Message-ID: %s

                --b--
                """.formatted(to, id, recipient, status, diagnostic, messageId);
    }

    static String arf(String id, String recipient, String messageId) {
        return """
                From: Feedback <feedback@fbl.example>
                To: fbl@bounce.porte-voix.test
                Subject: Complaint
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="b"

                --b
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: FBL/1.0
                Version: 1
                Original-Rcpt-To: %s

                --b
                Content-Type: message/rfc822

                Message-ID: %s
                Subject: La lettre

                Bonjour
                --b--
                """.formatted(id, recipient, messageId);
    }

    static String outOfOffice(String id, String to) {
        return """
                From: Quelqu'un <away@example.net>
                To: %s
                Subject: =?utf-8?Q?R=C3=A9ponse_automatique_:_La_lettre?=
                Auto-Submitted: auto-replied
                Message-ID: <%s>

                Je suis absent.
                """.formatted(to, id);
    }

    static String plain(String id, String to, String subject) {
        return """
                From: Julie <julie@example.net>
                To: %s
                Subject: %s
                Message-ID: <%s>

                unsubscribe
                """.formatted(to, subject, id);
    }

    private Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), "bounces", "secret");
        return store;
    }

    private HttpResponse<String> post(String secret, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/public/bounces?secret=" + secret)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String email, String type, String messageId) {
        return "{\"email\":\"" + email + "\",\"type\":\"" + type + "\",\"reason\":\"452 4.2.2 Mailbox full\",\"messageId\":\""
                + messageId + "\"}";
    }
}
