package io.portevoix;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.CreatedApiKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.portevoix.support.PorteVoixTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;

/** The REST API's authentication, errors and isolation, over real HTTP. */
@PorteVoixTest
class ApiSecurityIntegrationTests {

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired ApiKeyCommands keys;
    @Autowired CreditCommands credits;
    @Autowired AuthenticationProvider loginProvider;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    CreatedApiKey keyA;
    CreatedApiKey keyB;
    CreatedApiKey keyWithoutBilling;
    String adminOfKeyA;

    @BeforeEach
    void accountsWithKeys() {
        String adminA = uniqueEmail("api-a");
        adminOfKeyA = adminA;
        String adminB = uniqueEmail("api-b");
        AccountId a = asSystem(() -> accounts.create(new CreateAccount("API A", null, new EmailAddress(adminA), "", PASSWORD)));
        AccountId b = asSystem(() -> accounts.create(new CreateAccount("API B", null, new EmailAddress(adminB), "", PASSWORD)));
        asSystem(() -> credits.grant(new GrantCredits(a, 1234, "test")));
        asSystem(() -> credits.grant(new GrantCredits(b, 7, "test")));
        login(loginProvider, adminA);
        keyA = keys.create("A", AccessLevels.all(AccessLevel.APPROVER));
        keyWithoutBilling = keys.create("no billing", AccessLevels.all(AccessLevel.APPROVER).with(Area.BILLING, AccessLevel.NONE));
        login(loginProvider, adminB);
        keyB = keys.create("B", AccessLevels.all(AccessLevel.GUEST));
        TestActors.logout();
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissingOrWrongKeyIsA401ProblemNeverALoginRedirect() throws Exception {
        for (String key : new String[] {null, "pv_not-a-real-key-at-all-0000000000", ""}) {
            HttpResponse<String> response = get("/api/v1/credits", key);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":401").contains("\"type\"").contains("\"title\"")
                    .contains("\"detail\"");
        }
        assertThat(get("/api/v1/no-such-endpoint", null).statusCode()).isEqualTo(401);
    }

    @Test
    void eachKeyReadsItsOwnAccountsCredits() throws Exception {
        HttpResponse<String> a = get("/api/v1/credits", keyA.secret());
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"balance\":1234,\"reserved\":0}");
        assertThat(get("/api/v1/credits", keyB.secret()).body()).isEqualTo("{\"balance\":7,\"reserved\":0}");
    }

    @Test
    void aKeyWithoutTheRequiredLevelIsA403Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/credits", keyWithoutBilling.secret());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403").doesNotContain("Exception");
    }

    @Test
    void aRevokedKeyNoLongerWorks() throws Exception {
        assertThat(get("/api/v1/credits", keyA.secret()).statusCode()).isEqualTo(200);
        login(loginProvider, adminOfKeyA);
        keys.revoke(keyA.id());
        TestActors.logout();
        assertThat(get("/api/v1/credits", keyA.secret()).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPathsAreProblemsWithoutStackTraces() throws Exception {
        HttpResponse<String> response = get("/api/v1/contacts/not-a-uuid", keyA.secret());
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("at io.portevoix").doesNotContain("Exception");
    }

    @Test
    void healthAndApiDocumentationArePublic() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/credits").contains("bearer");
        assertThat(get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
        assertThat(get("/actuator/prometheus", null).statusCode()).isNotEqualTo(200);
    }
}
