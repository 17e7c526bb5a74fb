package io.portevoix.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsListener.ReceiptStatus;
import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.delivery.adapter.http.HttpSmsGateway;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.SmppTestServer;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SMS through the real gateways, in an application context of its own (own database, no sandbox):
 * a campaign leaves through the SMPP adapter into an in-process SMSC that throttles the first
 * submit (retried, never doubled), concatenates the long text with a UDH, sends receipts that
 * reach the figures and a STOP that withdraws the consent and is confirmed once; and the HTTP
 * provider's callbacks through the whole application (security filters included): the right
 * secret hands receipts and replies to the gateway's listener, a wrong or missing one is a 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portevoix.demo.enabled=false", "portevoix.delivery.sandbox.enabled=false", "portevoix.delivery.retry-base=200ms",
        "portevoix.delivery.sms.gateway=smpp", "portevoix.sms.http.url=http://127.0.0.1:9/sms",
        "portevoix.sms.http.webhook-secret=hook-secret-1", "portevoix.sms.smpp.reconnect-delay=1s"})
class SmsGatewaysIntegrationTests {

    private static final org.springframework.security.core.context.SecurityContextHolderStrategy SHARED_STRATEGY =
            org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();

    static final SmppTestServer SMSC = start();
    static final String DATABASE = io.portevoix.support.TestDatabases.create("portevoix_sms", "portevoix_owner");

    private static SmppTestServer start() {
        try {
            return SmppTestServer.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("portevoix.sms.smpp.host", SMSC::host);
        registry.add("portevoix.sms.smpp.port", SMSC::port);
        registry.add("portevoix.sms.smpp.system-id", SMSC::systemId);
        registry.add("portevoix.sms.smpp.password", SMSC::password);
        registry.add("spring.datasource.url", () -> io.portevoix.support.TestDatabases.jdbcUrl(DATABASE));
    }

    @AfterAll
    static void stop() throws Exception {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(SHARED_STRATEGY);
        SMSC.close();
    }

    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries contactQueries;
    @Autowired CreditCommands credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void aCampaignLeavesThroughSmppWithItsPartsReceiptsAndStop() throws Exception {
        String admin = uniqueEmail("smpp");
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Club SMPP", null, new EmailAddress(admin), "",
                PASSWORD)));
        login(loginProvider, admin);
        asSystem(() -> credits.grant(new GrantCredits(account, 20, "test")));
        long base = System.nanoTime() % 10_000_000;
        String short_ = String.format("+3366%07d", base);
        String long_ = String.format("+3367%07d", base);
        ContactId shortOne = member(short_, "Léa");
        ContactId longOne = member(long_, "Maximilien-Alexandre de La Tour d'Auvergne " + "Y".repeat(120));
        SMSC.answerNext(1, 0x58);
        int before = SMSC.submitted().size();
        CampaignDetails c = campaigns.create(new CampaignDraft("Gala", "", Channel.SMS, BroadcastType.INFORMATIVE,
                new Audience(List.of(), List.of(), List.of(), List.of(shortOne, longOne), null),
                new CampaignContent("", "", "", "Bonjour {{ contact.firstName }}, gala samedi.", null, "", "", "", "")));
        campaigns.send(c.id(), null);
        CampaignId id = c.id();
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> queries.find(id).orElseThrow().status() == CampaignStatus.SENT);

        List<SmppTestServer.Submitted> sent = SMSC.submitted().subList(before, SMSC.submitted().size());
        // the throttled first submit was answered 0x58 and sent again: 1 + 2 parts accepted, plus that refusal
        assertThat(sent.stream().filter(s -> s.destinationAddress().equals(short_.substring(1)))).hasSizeBetween(1, 2);
        List<SmppTestServer.Submitted> parts = sent.stream().filter(s -> s.destinationAddress().equals(long_.substring(1)))
                .toList();
        assertThat(parts.stream().filter(SmppTestServer.Submitted::udhi).count()).isEqualTo(2);
        assertThat(parts.stream().filter(SmppTestServer.Submitted::udhi).map(SmppTestServer.Submitted::text)
                .reduce("", String::concat)).startsWith("Bonjour Maximilien").endsWith("gala samedi.");
        var stats = queries.stats(id);
        assertThat(stats.sent()).isEqualTo(2);
        assertThat(stats.parts()).isEqualTo(3);

        // receipts for every accepted part: the last submit with each message id wins
        for (SmppTestServer.Submitted s : sent) {
            if (!s.messageId().isEmpty()) {
                SMSC.sendReceipt(s.messageId(), org.jsmpp.util.DeliveryReceiptState.DELIVRD, "000");
            }
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> queries.stats(id).delivered() == 2);

        int beforeStop = SMSC.submitted().size();
        SMSC.sendReply(short_.substring(1), "33700000000", "ARRÊT");
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !contactQueries.find(shortOne).orElseThrow().consents()
                .allows(Channel.SMS, BroadcastType.MARKETING));
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> SMSC.submitted().size() > beforeStop);
        assertThat(SMSC.submitted().getLast().destinationAddress()).isEqualTo(short_.substring(1));
        assertThat(SMSC.submitted().getLast().text()).contains("Club SMPP");
        assertThat(queries.stats(id).stops()).isEqualTo(1);
    }

    private ContactId member(String mobile, String firstName) {
        return contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, mobile.substring(1) + "@smpp.example")
                .set(ContactField.MOBILE, mobile).set(ContactField.FIRST_NAME, firstName)
                .set(ContactField.CONSENTS, Map.of(Channel.SMS, Map.of(BroadcastType.INFORMATIVE, true, BroadcastType.MARKETING,
                        true))).build(), ConsentSource.API).contact().id();
    }

    @Autowired HttpSmsGateway gateway;
    @Autowired List<SmsGateway> gateways;
    @LocalServerPort int port;

    private final List<SmsListener.Receipt> receipts = new CopyOnWriteArrayList<>();
    private final List<SmsListener.Reply> replies = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void listen() {
        gateway.listen(new SmsListener() {
            @Override
            public void receipt(Receipt receipt) {
                receipts.add(receipt);
            }

            @Override
            public void reply(Reply reply) {
                replies.add(reply);
            }
        });
    }

    @Test
    void everyConfiguredGatewayIsABeanNamedForSelection() {
        assertThat(gateways).extracting(SmsGateway::name).contains("smpp", "http");
    }

    @Test
    void aReceiptWithTheRightSecretReachesTheListener() throws Exception {
        int status = post("/public/sms/http/receipts?secret=hook-secret-1",
                "{\"id\":\"abc-1\",\"status\":\"delivered\"}");

        assertThat(status).isEqualTo(204);
        assertThat(receipts).singleElement().satisfies(receipt -> {
            assertThat(receipt.gateway()).isEqualTo("http");
            assertThat(receipt.gatewayId()).isEqualTo("abc-1");
            assertThat(receipt.status()).isEqualTo(ReceiptStatus.DELIVERED);
        });
    }

    @Test
    void anArrayOfReceiptsIsTakenWhole() throws Exception {
        int status = post("/public/sms/http/receipts?secret=hook-secret-1",
                "[{\"id\":\"a\",\"status\":\"FAILED\",\"reason\":\"absent subscriber\"},{\"id\":\"b\",\"status\":\"EXPIRED\"}]");

        assertThat(status).isEqualTo(204);
        assertThat(receipts).extracting(SmsListener.Receipt::gatewayId).containsExactly("a", "b");
        assertThat(receipts).extracting(SmsListener.Receipt::status)
                .containsExactly(ReceiptStatus.FAILED, ReceiptStatus.EXPIRED);
        assertThat(receipts.getFirst().reason()).isEqualTo("absent subscriber");
    }

    @Test
    void aWrongOrMissingSecretIsNotFoundAndHandsNothing() throws Exception {
        String receipt = "{\"id\":\"abc-1\",\"status\":\"DELIVERED\"}";

        assertThat(post("/public/sms/http/receipts?secret=guess", receipt)).isEqualTo(404);
        assertThat(post("/public/sms/http/receipts", receipt)).isEqualTo(404);
        assertThat(post("/public/sms/http/replies?secret=hook-secret-2", "{\"from\":\"33612345678\",\"text\":\"x\"}"))
                .isEqualTo(404);
        assertThat(receipts).isEmpty();
        assertThat(replies).isEmpty();
    }

    @Test
    void aReceiptWithAnUnknownStatusIsABadRequestAndHandsNothing() throws Exception {
        int status = post("/public/sms/http/receipts?secret=hook-secret-1",
                "[{\"id\":\"a\",\"status\":\"DELIVERED\"},{\"id\":\"b\",\"status\":\"MAYBE\"}]");

        assertThat(status).isEqualTo(400);
        assertThat(receipts).isEmpty();
    }

    @Test
    void aReplyReachesTheListenerWithTheSenderInE164() throws Exception {
        int status = post("/public/sms/http/replies?secret=hook-secret-1",
                "{\"from\":\"33612345678\",\"to\":\"36180\",\"text\":\"STOP\"}");

        assertThat(status).isEqualTo(204);
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.from()).isEqualTo("+33612345678");
            assertThat(reply.to()).isEqualTo("36180");
            assertThat(reply.text()).isEqualTo("STOP");
        });
    }

    private int post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
