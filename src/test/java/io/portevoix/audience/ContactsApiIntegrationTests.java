package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.CreateAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contacts endpoints of API.md over real HTTP, including isolation between accounts. */
@PorteVoixTest
class ContactsApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired AccountQueries accountQueries;
    @Autowired ApiKeyCommands keys;
    @Autowired AuthenticationProvider loginProvider;

    final HttpClient http = HttpClient.newHttpClient();
    String keyA;
    String keyB;
    String guestKeyA;
    AccountId accountA;

    @BeforeEach
    void twoAccounts() {
        String adminA = uniqueEmail("contacts-a");
        String adminB = uniqueEmail("contacts-b");
        accountA = asSystem(() -> accounts.create(new CreateAccount("Contacts A", null, new EmailAddress(adminA), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Contacts B", null, new EmailAddress(adminB), "", PASSWORD)));
        login(loginProvider, adminA);
        keyA = keys.create("A", AccessLevels.all(AccessLevel.APPROVER)).secret();
        guestKeyA = keys.create("A guest", AccessLevels.all(AccessLevel.GUEST)).secret();
        login(loginProvider, adminB);
        keyB = keys.create("B", AccessLevels.all(AccessLevel.APPROVER)).secret();
        TestActors.logout();
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void createThenUpdateOnTheEmailKeyIgnoringCase() throws Exception {
        HttpResponse<String> created = call("POST", "/contacts", keyA, """
                {"email":"Marie.Dupont@club.fr","mobile":"06 12 34 56 78","firstName":"Marie","lastName":"Dupont",
                 "birthDate":"1990-07-14","status":"CLIENT","site":"Salle Nord",
                 "subscription":{"name":"Annuel","startDate":"2026-01-01","endDate":"2026-12-31"},
                 "tags":["Dirigeant"],"attributes":{"ceinture":"noire"},"consents":{"EMAIL":{"MARKETING":true}}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode contact = json(created);
        String id = contact.get("id").stringValue();
        assertThat(contact.get("mobile").stringValue()).isEqualTo("+33612345678");
        assertThat(contact.get("primary").booleanValue()).isTrue();
        assertThat(contact.get("site").stringValue()).isEqualTo("Salle Nord");
        assertThat(contact.at("/subscription/endDate").stringValue()).isEqualTo("2026-12-31");
        assertThat(contact.at("/consents/EMAIL/MARKETING").booleanValue()).isTrue();
        assertThat(contact.at("/consents/EMAIL/INFORMATIVE").booleanValue()).isTrue();
        assertThat(contact.at("/consents/SMS/MARKETING").booleanValue()).isFalse();
        assertThat(contact.at("/consents/SMS/LEGAL").booleanValue()).isTrue();
        assertThat(TestActors.asSystem(() -> TenantAccount.sites(accountQueries, accountA))).contains("Salle Nord");

        HttpResponse<String> updated = call("POST", "/contacts", keyA, """
                {"email":"marie.dupont@CLUB.FR","lastName":"Dupont-Martin"}""");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("id").stringValue()).isEqualTo(id);
        assertThat(json(updated).get("firstName").stringValue()).isEqualTo("Marie");
        assertThat(json(updated).get("lastName").stringValue()).isEqualTo("Dupont-Martin");

        HttpResponse<String> patched = call("PATCH", "/contacts/" + id, keyA, """
                {"status":"Ancien client","booklet":{"sessionsLeft":3}}""");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).get("status").stringValue()).isEqualTo("FORMER_CLIENT");
        assertThat(json(patched).at("/booklet/sessionsLeft").intValue()).isEqualTo(3);
        assertThat(json(patched).at("/subscription/name").stringValue()).isEqualTo("Annuel");

        assertThat(json(call("GET", "/contacts?email=MARIE.dupont@club.fr", keyA, null)).get("items")).hasSize(1);
        assertThat(json(call("GET", "/contacts?mobile=%2B33%206%2012%2034%2056%2078", keyA, null)).get("items")).hasSize(1);
        assertThat(json(call("GET", "/contacts?mobile=0612345678", keyA, null)).get("items")).hasSize(1);
    }

    @Test
    void invalidFieldsAreA422WithEveryError() throws Exception {
        HttpResponse<String> response = call("POST", "/contacts", keyA, """
                {"email":"nope","mobile":"12","birthDate":"2001-13-45","status":"VIP"}""");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).get("errors").values()).extracting(e -> e.get("field").stringValue())
                .containsExactlyInAnyOrder("email", "mobile", "birthDate", "status");
        assertThat(call("POST", "/contacts", keyA, "{\"firstName\":\"Sans clé\"}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/contacts", keyA, "[1,2]").statusCode()).isEqualTo(422);
    }

    @Test
    void anotherAccountsContactIsA404AndStaysUntouched() throws Exception {
        String id = json(call("POST", "/contacts", keyA, "{\"email\":\"secret@club-a.fr\"}")).get("id").stringValue();
        assertThat(call("GET", "/contacts/" + id, keyB, null).statusCode()).isEqualTo(404);
        assertThat(call("PATCH", "/contacts/" + id, keyB, "{\"firstName\":\"Pirate\"}").statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/contacts/" + id, keyB, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/contacts?email=secret@club-a.fr", keyB, null)).get("items")).isEmpty();
        assertThat(call("GET", "/contacts/not-a-uuid", keyA, null).statusCode()).isEqualTo(404);
        HttpResponse<String> stillThere = call("GET", "/contacts/" + id, keyA, null);
        assertThat(stillThere.statusCode()).isEqualTo(200);
        assertThat(json(stillThere).has("firstName") && !json(stillThere).get("firstName").isNull()).isFalse();
    }

    @Test
    void aGuestKeyReadsButCannotWriteOrErase() throws Exception {
        String id = json(call("POST", "/contacts", keyA, "{\"email\":\"lecture@club-a.fr\"}")).get("id").stringValue();
        assertThat(call("GET", "/contacts/" + id, guestKeyA, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/contacts", guestKeyA, "{\"email\":\"x@club-a.fr\"}").statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/contacts/" + id, guestKeyA, null).statusCode()).isEqualTo(403);
    }

    @Test
    void erasureRemovesPersonalDataAndAnswers204() throws Exception {
        String id = json(call("POST", "/contacts", keyA, "{\"email\":\"oubli@club-a.fr\",\"firstName\":\"Oublié\"}"))
                .get("id").stringValue();
        assertThat(call("DELETE", "/contacts/" + id, keyA, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/contacts/" + id, keyA, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/contacts?email=oubli@club-a.fr", keyA, null)).get("items")).isEmpty();
        assertThat(call("DELETE", "/contacts/" + id, keyA, null).statusCode()).isEqualTo(404);
    }

    /** Reads the sites of an account as the system. */
    static final class TenantAccount {
        static java.util.List<String> sites(AccountQueries queries, AccountId account) {
            return io.portevoix.tenancy.TenantContext.callAs(account, () -> queries.sites().stream()
                    .map(io.portevoix.tenancy.SiteSummary::name).toList());
        }
    }

}
