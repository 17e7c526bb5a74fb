package io.portevoix.audience;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.CreateAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every operator of the criteria grammar, evaluated by PostgreSQL on three known contacts. */
@PorteVoixTest
class SegmentsApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired ApiKeyCommands keys;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired SegmentQueries segments;
    io.portevoix.shared.AccountId account;

    final HttpClient http = HttpClient.newHttpClient();
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    String key;
    String otherKey;

    @BeforeEach
    void threeContacts() throws Exception {
        String admin = uniqueEmail("segments");
        String other = uniqueEmail("segments-other");
        account = asSystem(() -> accounts.create(new CreateAccount("Segments", null, new EmailAddress(admin), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Segments autre", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, admin);
        key = keys.create("k", AccessLevels.all(AccessLevel.APPROVER)).secret();
        login(loginProvider, other);
        otherKey = keys.create("k", AccessLevels.all(AccessLevel.APPROVER)).secret();
        TestActors.logout();
        post("/contacts", """
                {"email":"a@seg.fr","firstName":"Anne","lastName":"Martin","status":"CLIENT","site":"Nord",
                 "birthDate":"%s","subscription":{"endDate":"%s"},"visitCount":5,"tags":["Dirigeant"],
                 "consents":{"EMAIL":{"MARKETING":true}},"attributes":{"niveau":"expert"},"booklet":{"sessionsLeft":2}}"""
                .formatted(today.minusYears(30), today.plusDays(10)));
        post("/contacts", """
                {"email":"b@seg.fr","firstName":"Bruno","lastName":"Petit","status":"PROSPECT","site":"Sud",
                 "birthDate":"2000-06-15","visitCount":0,"primary":false,"lastVisitAt":"%s"}"""
                .formatted(Instant.now().minus(100, ChronoUnit.DAYS)));
        post("/contacts", """
                {"email":"c@seg.fr","firstName":" anne ","lastName":"Roux","status":"FORMER_CLIENT",
                 "subscription":{"endDate":"%s"},"visitCount":12,"tags":["Conseil","Dirigeant"],
                 "consents":{"SMS":{"MARKETING":true}},"lastVisitAt":"%s","mobile":"+33612345678"}"""
                .formatted(today.minusDays(20), Instant.now().minus(2, ChronoUnit.DAYS)));
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, key);
    }

    private HttpResponse<String> post(String path, String body, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSavedSegmentIsRenamedRedefinedAndDeletedByItsAccountOnly() throws Exception {
        HttpResponse<String> created = post("/segments", "{\"name\":\"Clients\",\"criteria\":{\"match\":\"ALL\",\"rules\":"
                + "[{\"field\":\"status\",\"op\":\"eq\",\"value\":\"CLIENT\"}]}}");
        String id = JSON.readTree(created.body()).get("id").asString();
        String prospects = "{\"name\":\"Prospects\",\"criteria\":{\"match\":\"ALL\",\"rules\":"
                + "[{\"field\":\"status\",\"op\":\"eq\",\"value\":\"PROSPECT\"}]}}";
        assertThat(send("PUT", "/segments/" + id, prospects, otherKey).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/segments/" + id, null, otherKey).statusCode()).isEqualTo(404);
        HttpResponse<String> updated = send("PUT", "/segments/" + id, prospects, key);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("name").asString()).isEqualTo("Prospects");
        assertThat(JSON.readTree(send("GET", "/segments/" + id + "/count", null, key).body()).get("count").longValue()).isEqualTo(1);
        assertThat(send("PUT", "/segments/" + id, "{\"name\":\"X\",\"criteria\":{\"match\":\"ALL\",\"rules\":"
                + "[{\"field\":\"inconnu\",\"op\":\"eq\",\"value\":1}]}}", key).statusCode()).isEqualTo(422);
        assertThat(send("DELETE", "/segments/" + id, null, key).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/segments/" + id, null, key).statusCode()).isEqualTo(404);
    }

    private long count(String field, String op, String value) throws Exception {
        String rule = "{\"field\":\"" + field + "\",\"op\":\"" + op + "\"" + (value == null ? "" : ",\"value\":" + value) + "}";
        HttpResponse<String> response = post("/segments/count", "{\"criteria\":{\"match\":\"ALL\",\"rules\":[" + rule + "]}}");
        assertThat(response.statusCode()).as(rule + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("count").longValue();
    }

    private String date(LocalDate date) {
        return "\"" + date + "\"";
    }

    @Test
    void textOperatorsIgnoreCaseAndSurroundingSpaces() throws Exception {
        assertThat(count("firstName", "eq", "\"ANNE\"")).isEqualTo(2);
        assertThat(count("lastName", "neq", "\"martin\"")).isEqualTo(2);
        assertThat(count("firstName", "in", "[\"anne\",\"Bruno\"]")).isEqualTo(3);
        assertThat(count("firstName", "notIn", "[\"Anne\"]")).isEqualTo(1);
        assertThat(count("email", "contains", "\"B@\"")).isEqualTo(1);
        assertThat(count("email", "startsWith", "\"c\"")).isEqualTo(1);
        assertThat(count("site", "isEmpty", null)).isEqualTo(1);
        assertThat(count("site", "isNotEmpty", null)).isEqualTo(2);
        assertThat(count("attributes.niveau", "eq", "\"Expert\"")).isEqualTo(1);
        assertThat(count("mobile", "isNotEmpty", null)).isEqualTo(1);
    }

    @Test
    void statusOperatorsReadFrenchLabelsToo() throws Exception {
        assertThat(count("status", "eq", "\"CLIENT\"")).isEqualTo(1);
        assertThat(count("status", "neq", "\"PROSPECT\"")).isEqualTo(2);
        assertThat(count("status", "in", "[\"CLIENT\",\"Ancien client\"]")).isEqualTo(2);
        assertThat(count("status", "notIn", "[\"PROSPECT\"]")).isEqualTo(2);
    }

    @Test
    void dateOperatorsCountFromTheAccountsToday() throws Exception {
        assertThat(count("subscription.endDate", "inNextDays", "30")).isEqualTo(1);
        assertThat(count("subscription.endDate", "inLastDays", "30")).isEqualTo(1);
        assertThat(count("subscription.endDate", "moreThanDaysAgo", "10")).isEqualTo(1);
        assertThat(count("subscription.endDate", "gt", date(today))).isEqualTo(1);
        assertThat(count("subscription.endDate", "gte", date(today.plusDays(10)))).isEqualTo(1);
        assertThat(count("subscription.endDate", "lt", date(today))).isEqualTo(1);
        assertThat(count("subscription.endDate", "lte", date(today.minusDays(20)))).isEqualTo(1);
        assertThat(count("subscription.endDate", "between", "[" + date(today.minusDays(30)) + "," + date(today.plusDays(30)) + "]"))
                .isEqualTo(2);
        assertThat(count("subscription.endDate", "eq", date(today.plusDays(10)))).isEqualTo(1);
        assertThat(count("subscription.endDate", "neq", date(today.plusDays(10)))).isEqualTo(2);
        assertThat(count("subscription.endDate", "isEmpty", null)).isEqualTo(1);
        assertThat(count("subscription.endDate", "isNotEmpty", null)).isEqualTo(2);
        assertThat(count("birthDate", "birthdayInDays", "0")).isEqualTo(1);
        assertThat(count("birthDate", "eq", "\"2000-06-15\"")).isEqualTo(1);
        assertThat(count("birthDate", "lte", "\"2000-01-01\"")).isEqualTo(1);
        assertThat(count("lastVisitAt", "inLastDays", "7")).isEqualTo(1);
        assertThat(count("lastVisitAt", "moreThanDaysAgo", "30")).isEqualTo(1);
        assertThat(count("lastVisitAt", "isEmpty", null)).isEqualTo(1);
        assertThat(count("createdAt", "inLastDays", "1")).isEqualTo(3);
        assertThat(count("createdAt", "gt", "\"2020-01-01T00:00:00Z\"")).isEqualTo(3);
    }

    @Test
    void numberBooleanTagAndConsentOperators() throws Exception {
        assertThat(count("age", "gte", "25")).isEqualTo(2);
        assertThat(count("age", "between", "[29, 31]")).isEqualTo(1);
        assertThat(count("visitCount", "gt", "0")).isEqualTo(2);
        assertThat(count("visitCount", "eq", "0")).isEqualTo(1);
        assertThat(count("visitCount", "neq", "0")).isEqualTo(2);
        assertThat(count("visitCount", "lt", "5")).isEqualTo(1);
        assertThat(count("visitCount", "lte", "5")).isEqualTo(2);
        assertThat(count("visitCount", "in", "[5, 12]")).isEqualTo(2);
        assertThat(count("visitCount", "notIn", "[5]")).isEqualTo(2);
        assertThat(count("booklet.sessionsLeft", "isNotEmpty", null)).isEqualTo(1);
        assertThat(count("booklet.sessionsLeft", "isEmpty", null)).isEqualTo(2);
        assertThat(count("primary", "isTrue", null)).isEqualTo(2);
        assertThat(count("primary", "isFalse", null)).isEqualTo(1);
        assertThat(count("consent.EMAIL.MARKETING", "isTrue", null)).isEqualTo(1);
        assertThat(count("consent.SMS.MARKETING", "isFalse", null)).isEqualTo(2);
        assertThat(count("consent.EMAIL.LEGAL", "isTrue", null)).isEqualTo(3);
        assertThat(count("tags", "contains", "\"dirigeant\"")).isEqualTo(2);
        assertThat(count("tags", "in", "[\"Conseil\"]")).isEqualTo(1);
        assertThat(count("tags", "notIn", "[\"Dirigeant\"]")).isEqualTo(1);
        assertThat(count("tags", "isEmpty", null)).isEqualTo(1);
        assertThat(count("tags", "isNotEmpty", null)).isEqualTo(2);
    }

    @Test
    void nestedGroupsAndSavedSegments() throws Exception {
        String criteria = """
                {"match":"ANY","rules":[{"field":"status","op":"eq","value":"PROSPECT"},
                  {"match":"ALL","rules":[{"field":"tags","op":"contains","value":"Conseil"},
                                          {"field":"visitCount","op":"gt","value":10}]}]}""";
        HttpResponse<String> counted = post("/segments/count", "{\"criteria\":" + criteria + "}");
        assertThat(JSON.readTree(counted.body()).get("count").longValue()).isEqualTo(2);
        HttpResponse<String> created = post("/segments", "{\"name\":\"Prospects et conseil actif\",\"criteria\":" + criteria + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode segment = JSON.readTree(created.body());
        assertThat(segment.at("/criteria/match").stringValue()).isEqualTo("ANY");
        String id = segment.get("id").stringValue();
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/segments/" + id + "/count")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(saved.body()).get("count").longValue()).isEqualTo(2);
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/segments/" + id)).header("Authorization", "Bearer " + otherKey).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(404);
        HttpResponse<String> otherCount = post("/segments/count", "{\"criteria\":{\"match\":\"ALL\",\"rules\":[]}}", otherKey);
        assertThat(JSON.readTree(otherCount.body()).get("count").longValue()).as("the other account sees none of these").isZero();
    }

    @Test
    void builtInSegmentsCountActiveMembersLeadersAndTheBoard() {
        java.util.Map<String, Long> counts = asSystem(() -> io.portevoix.tenancy.TenantContext.callAs(account,
                () -> segments.builtIns().stream().collect(java.util.stream.Collectors.toMap(BuiltInSegment::key,
                        b -> segments.count(b.criteria())))));
        assertThat(counts).containsEntry("all", 3L).containsEntry("active", 1L).containsEntry("inactive", 2L)
                .containsEntry("leaders", 1L).containsEntry("board", 1L);
    }

    @Test
    void unknownFieldsAndMisfitOperatorsAre422() throws Exception {
        HttpResponse<String> unknown = post("/segments/count",
                "{\"criteria\":{\"match\":\"ALL\",\"rules\":[{\"field\":\"shoeSize\",\"op\":\"eq\",\"value\":42}]}}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("criteria.rules[0].field").contains("shoeSize");
        HttpResponse<String> misfit = post("/segments/count",
                "{\"criteria\":{\"match\":\"ALL\",\"rules\":[{\"field\":\"visitCount\",\"op\":\"contains\",\"value\":\"1\"}]}}");
        assertThat(misfit.statusCode()).isEqualTo(422);
        assertThat(misfit.body()).contains("criteria.rules[0].op");
        HttpResponse<String> between = post("/segments/count",
                "{\"criteria\":{\"match\":\"ALL\",\"rules\":[{\"field\":\"age\",\"op\":\"between\",\"value\":[1]}]}}");
        assertThat(between.statusCode()).isEqualTo(422);
        assertThat(post("/segments", "{\"name\":\"\",\"criteria\":{\"match\":\"ALL\",\"rules\":[]}}").statusCode()).isEqualTo(422);
    }
}
