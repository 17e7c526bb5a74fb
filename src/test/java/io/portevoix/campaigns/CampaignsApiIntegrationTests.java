package io.portevoix.campaigns;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.delivery.MailSandbox;
import io.portevoix.delivery.SandboxMessage;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.CreateAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign endpoints over HTTP: a draft, its count with exclusions, a test, an editor's
 * request approved by an approver, the send through the outbox into the sandbox (once per
 * recipient, with its headers), the credits (reserved, then debited; a send that does not fit is
 * a 402 that leaves nothing), the states that forbid changes, and isolation between accounts.
 */
@PorteVoixTest
class CampaignsApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired io.portevoix.tenancy.AccountQueries accountQueries;
    @Autowired ApiKeyCommands keys;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands credits;
    @Autowired MailSandbox sandbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();
    String approver;
    String editor;
    String otherKey;
    AccountId account;
    String domain;

    @BeforeEach
    void accountWithMembers() {
        String admin = uniqueEmail("campaigns");
        account = asSystem(() -> accounts.create(new CreateAccount("Campagnes", null, new EmailAddress(admin), "", PASSWORD)));
        String other = uniqueEmail("campaigns-other");
        asSystem(() -> accounts.create(new CreateAccount("Campagnes autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, other);
        otherKey = keys.create("other", AccessLevels.all(AccessLevel.APPROVER)).secret();
        login(loginProvider, admin);
        approver = keys.create("approver", AccessLevels.all(AccessLevel.APPROVER)).secret();
        editor = keys.create("editor", AccessLevels.all(AccessLevel.EDITOR)).secret();
        domain = "c" + System.nanoTime() + ".example";
        for (String name : List.of("Alice", "Bruno", "Chloé")) {
            contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, name.toLowerCase().replace("é", "e") + "@" + domain)
                    .set(ContactField.FIRST_NAME, name).build(), ConsentSource.API);
        }
        contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, "nope@" + domain).set(ContactField.CONSENTS,
                Map.of(Channel.EMAIL, Map.of(BroadcastType.INFORMATIVE, false))).build(), ConsentSource.API);
        TestActors.logout();
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    HttpResponse<String> call(String method, String path, String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void aDraftWithoutSenderTakesTheAccountsDefaultSenderElseThePlatforms() throws Exception {
        String id = draft();
        assertThat(json(call("GET", "/campaigns/" + id, editor, null)).get("fromEmail").asString()).startsWith("noreply@");
        TenantContext.runAs(account, () -> asSystem(() -> {
            io.portevoix.tenancy.AccountDetails a = accountQueries.current();
            accounts.update(new io.portevoix.tenancy.UpdateAccount(a.name(), a.legalName(), a.address(), a.timeZone(),
                    a.locale(), a.phoneRegion(), "Club Expéditeur", "contact@club-expediteur.example", a.social()));
            return null;
        }));
        String second = draft();
        assertThat(json(call("GET", "/campaigns/" + second, editor, null)).get("fromEmail").asString())
                .isEqualTo("contact@club-expediteur.example");
    }

    private String draft() throws Exception {
        HttpResponse<String> created = call("POST", "/campaigns", editor, Map.of("name", "Assemblée générale",
                "channel", "EMAIL", "broadcastType", "INFORMATIVE", "subject", "Bonjour {{ contact.firstName }}",
                "html", "<html><body><p>Bonjour {{ contact.firstName }}, l’AG a lieu samedi.</p></body></html>",
                "audience", Map.of("criteria", Map.of("match", "ALL", "rules",
                        List.of(Map.of("field", "email", "op", "contains", "value", domain))))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(created).get("fromEmail").asString()).contains("@");
        return json(created).get("id").asString();
    }

    private List<SandboxMessage> received() {
        return asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().stream().anyMatch(t -> t.endsWith("@" + domain)))
                .toList();
    }

    @Test
    void anEditorsCampaignIsApprovedThenSentOncePerRecipientAndCharged() throws Exception {
        asSystem(() -> credits.grant(new GrantCredits(account, 10, "test")));
        String id = draft();

        JsonNode count = json(call("POST", "/campaigns/" + id + "/count", editor, null));
        assertThat(count.get("recipients").asLong()).isEqualTo(3);
        assertThat(count.get("excluded").get("NO_CONSENT").asLong()).isEqualTo(1);
        assertThat(count.get("credits").asLong()).isEqualTo(3);
        assertThat(count.get("available").asLong()).isEqualTo(10);

        HttpResponse<String> sender = call("PATCH", "/campaigns/" + id, editor, Map.of("fromEmail", "bureau@" + domain,
                "replyTo", "secretariat@" + domain));
        assertThat(sender.statusCode()).as(sender.body()).isEqualTo(200);
        HttpResponse<String> test = call("POST", "/campaigns/" + id + "/test", editor, Map.of("to", List.of("test@" + domain)));
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> received().stream().anyMatch(m -> m.subject().startsWith("[TEST]")));
        // the test comes from the campaign's sender, as the real message will
        SandboxMessage tested = received().stream().filter(m -> m.subject().startsWith("[TEST]")).findFirst().orElseThrow();
        assertThat(tested.from()).contains("bureau@" + domain);
        assertThat(tested.headers().get("Reply-To")).contains("secretariat@" + domain);

        JsonNode asked = json(call("POST", "/campaigns/" + id + "/send", editor, null));
        assertThat(asked.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(call("POST", "/campaigns/" + id + "/approve", editor, Map.of("comment", "ok")).statusCode()).isEqualTo(403);
        JsonNode approved = json(call("POST", "/campaigns/" + id + "/approve", approver, Map.of("comment", "Parfait")));
        assertThat(approved.get("status").asString()).isEqualTo("SENDING");
        assertThat(call("PATCH", "/campaigns/" + id, approver, Map.of("name", "Changé")).statusCode()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
                .until(() -> json(call("GET", "/campaigns/" + id, approver, null)).get("status").asString().equals("SENT"));
        List<SandboxMessage> sent = received().stream().filter(m -> !m.subject().startsWith("[TEST]")).toList();
        assertThat(sent).extracting(m -> m.to().getFirst()).containsExactlyInAnyOrder("alice@" + domain, "bruno@" + domain,
                "chloe@" + domain);
        SandboxMessage alice = sent.stream().filter(m -> m.to().getFirst().startsWith("alice")).findFirst().orElseThrow();
        assertThat(alice.subject()).isEqualTo("Bonjour Alice");
        assertThat(alice.from()).isEqualTo(tested.from());
        assertThat(alice.headers().get("Message-ID")).matches("<m\\d+\\." + approved.get("runId").asString() + "@[^>]+>");
        assertThat(alice.headers().get("Feedback-ID")).startsWith(id + ":" + account.value() + ":informative");
        assertThat(alice.text()).contains("Bonjour Alice");

        JsonNode runs = json(call("GET", "/campaigns/" + id + "/runs", approver, null)).get("items");
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).get("targeted").asLong()).isEqualTo(3);
        assertThat(runs.get(0).get("sent").asLong()).isEqualTo(3);
        assertThat(runs.get(0).get("status").asString()).isEqualTo("DONE");
        String aliceId = json(call("GET", "/contacts?email=alice@" + domain, approver, null)).get("items").get(0).get("id")
                .asString();
        JsonNode history = json(call("GET", "/contacts/" + aliceId + "/messages", approver, null)).get("items");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("campaignId").asString()).isEqualTo(id);
        assertThat(history.get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(history.get(0).get("channel").asString()).isEqualTo("EMAIL");
        assertThat(call("GET", "/contacts/" + aliceId + "/messages", otherKey, null).statusCode()).isEqualTo(404);
        assertThat(json(call("POST", "/segments/count", approver, Map.of("criteria", Map.of("match", "ALL", "rules",
                List.of(Map.of("field", "campaign.received", "op", "eq", "value", id)))))).get("count").asLong()).isEqualTo(3);
        assertThat(json(call("POST", "/segments/count", approver, Map.of("criteria", Map.of("match", "ALL", "rules",
                List.of(Map.of("field", "campaign.received", "op", "neq", "value", id)))))).get("count").asLong()).isEqualTo(1);
        assertThat(json(call("POST", "/segments/count", otherKey, Map.of("criteria", Map.of("match", "ALL", "rules",
                List.of(Map.of("field", "campaign.received", "op", "eq", "value", id)))))).get("count").asLong()).isZero();
        assertThat(call("POST", "/segments/count", approver, Map.of("criteria", Map.of("match", "ALL", "rules",
                List.of(Map.of("field", "campaign.received", "op", "eq", "value", "pas-un-id"))))).statusCode()).isEqualTo(422);
        String runId = runs.get(0).get("runId").asString();
        HttpResponse<String> csv = call("GET", "/campaigns/" + id + "/runs/" + runId + "/recipients.csv", approver, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFAdresse;État;Envoyé le\r\n").contains("\"alice@" + domain + "\";SENT;");
        assertThat(call("GET", "/campaigns/" + id + "/runs/" + runId + "/recipients.csv", otherKey, null).statusCode())
                .isEqualTo(404);
        JsonNode balance = json(call("GET", "/credits", approver, null));
        assertThat(balance.get("balance").asLong()).isEqualTo(7);
        assertThat(balance.get("reserved").asLong()).isZero();
    }

    @Test
    void aSendTheCreditsDoNotCoverIsRefusedAndLeavesNothing() throws Exception {
        asSystem(() -> credits.grant(new GrantCredits(account, 2, "test")));
        String id = draft();
        HttpResponse<String> refused = call("POST", "/campaigns/" + id + "/send", approver, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(402);
        assertThat(json(refused).get("needed").asLong()).isEqualTo(3);
        assertThat(json(refused).get("available").asLong()).isEqualTo(2);
        assertThat(json(call("GET", "/campaigns/" + id, approver, null)).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(call("GET", "/credits", approver, null)).get("reserved").asLong()).isZero();
        Long outbox = asSystem(() -> io.portevoix.tenancy.TenantContext.callAs(account, () -> transactions.execute(status ->
                jdbc.queryForObject("select count(*) from delivery.message where account_id = ?", Long.class,
                        account.value()))));
        assertThat(outbox).isZero();
    }

    @Test
    void badInputAndOtherAccountsAreRefused() throws Exception {
        String id = draft();
        HttpResponse<String> unknownTag = call("PATCH", "/campaigns/" + id, editor, Map.of("subject", "{{ contact.shoeSize }}"));
        assertThat(unknownTag.statusCode()).isEqualTo(422);
        assertThat(unknownTag.body()).contains("shoeSize");
        HttpResponse<String> badAddress = call("PATCH", "/campaigns/" + id, editor, Map.of("replyTo", "pas une adresse"));
        assertThat(badAddress.statusCode()).isEqualTo(422);
        assertThat(badAddress.body()).contains("replyTo");
        assertThat(call("GET", "/campaigns/" + id, otherKey, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/campaigns/" + id + "/send", otherKey, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/campaigns/" + id, otherKey, null).statusCode()).isEqualTo(404);
        HttpResponse<String> stolenAudience = call("POST", "/campaigns", otherKey, Map.of("name", "Vol",
                "audience", Map.of("segmentIds", List.of(java.util.UUID.randomUUID().toString()))));
        assertThat(stolenAudience.statusCode()).isEqualTo(422);
        assertThat(stolenAudience.body()).contains("audience.segmentIds[0]");
        assertThat(call("DELETE", "/campaigns/" + id, editor, null).statusCode()).isEqualTo(204);

        String segment = json(call("POST", "/segments", editor, Map.of("name", "Domaine", "criteria", Map.of("match", "ALL",
                "rules", List.of(Map.of("field", "email", "op", "contains", "value", domain)))))).get("id").asString();
        String waiting = json(call("POST", "/campaigns", editor, Map.of("name", "Avec segment", "subject", "Objet",
                "html", "<p>Texte</p>", "audience", Map.of("segmentIds", List.of(segment))))).get("id").asString();
        assertThat(json(call("POST", "/campaigns/" + waiting + "/send", editor, null)).get("status").asString())
                .isEqualTo("PENDING_APPROVAL");
        HttpResponse<String> inUse = call("DELETE", "/segments/" + segment, editor, null);
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("Avec segment");
        call("POST", "/campaigns/" + waiting + "/reject", approver, Map.of("comment", "non"));
        assertThat(call("DELETE", "/segments/" + segment, editor, null).statusCode()).isEqualTo(204);
    }
}
