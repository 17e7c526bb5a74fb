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
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.CreditQueries;
import io.portevoix.billing.GrantCredits;
import io.portevoix.delivery.SandboxSms;
import io.portevoix.delivery.SmsSandbox;
import io.portevoix.shared.AccountId;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS campaigns over HTTP: the per-country count (parts, non-addressable, credits at each
 * country's rate), a country left out and a send that honours it, the sandbox gateway's delivery
 * receipts reaching the figures, short links that redirect and count the click (forged ones are
 * 404), a STOP reply that withdraws the consent and is confirmed once for free, and isolation.
 */
@PorteVoixTest
class SmsCampaignsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired ApiKeyCommands keys;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries contactQueries;
    @Autowired CreditCommands credits;
    @Autowired CreditQueries balances;
    @Autowired SmsSandbox sandbox;
    @Autowired io.portevoix.delivery.SmsOptions options;
    @Autowired io.portevoix.tenancy.SenderIdCommands senderIds;
    @Autowired io.portevoix.delivery.application.SmsSendingWindows windows;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();
    String key;
    String otherKey;
    String admin;
    AccountId account;
    String tag;
    final Map<String, ContactId> members = new HashMap<>();

    @BeforeEach
    void accountWithMembers() {
        admin = uniqueEmail("sms");
        account = asSystem(() -> accounts.create(new CreateAccount("Club SMS", null, new EmailAddress(admin), "", PASSWORD)));
        String other = uniqueEmail("sms-other");
        asSystem(() -> accounts.create(new CreateAccount("Autre club", null, new EmailAddress(other), "", PASSWORD)));
        login(loginProvider, other);
        otherKey = keys.create("other", AccessLevels.all(AccessLevel.APPROVER)).secret();
        login(loginProvider, admin);
        key = keys.create("approver", AccessLevels.all(AccessLevel.APPROVER)).secret();
        asSystem(() -> credits.grant(new GrantCredits(account, 100, "test")));
        tag = "s" + System.nanoTime();
        long base = System.nanoTime() % 1_000_000;
        // three French members, one with a first name long enough to push the text beyond 3 parts,
        // two Belgians, and one in a country without a price (Japan)
        member("Alice", String.format("+3361%07d", base));
        member("Bruno", String.format("+3362%07d", base));
        member("X".repeat(400), String.format("+3363%07d", base));
        member("Jan", String.format("+32470%06d", base % 1_000_000));
        member("Lies", String.format("+32471%06d", base % 1_000_000));
        member("Yuki", String.format("+81901%07d", base));
        TestActors.logout();
    }

    private void member(String firstName, String mobile) {
        ContactId id = contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, firstName.substring(0, Math.min(8,
                firstName.length())).toLowerCase() + "." + mobile.substring(1) + "@" + tag + ".example")
                .set(ContactField.FIRST_NAME, firstName).set(ContactField.MOBILE, mobile)
                .set(ContactField.TAGS, List.of(tag))
                .set(ContactField.CONSENTS, Map.of(Channel.SMS, Map.of(BroadcastType.INFORMATIVE, true,
                        BroadcastType.MARKETING, true)))
                .build(), ConsentSource.API).contact().id();
        members.put(firstName, id);
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    HttpResponse<String> call(String method, String path, String apiKey, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private String draft(String text) throws Exception {
        HttpResponse<String> created = call("POST", "/campaigns", key, Map.of("name", "Portes ouvertes",
                "channel", "SMS", "broadcastType", "INFORMATIVE", "text", text,
                "audience", Map.of("criteria", Map.of("match", "ALL", "rules",
                        List.of(Map.of("field", "tags", "op", "contains", "value", tag))))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static JsonNode line(JsonNode count, String country) {
        for (JsonNode line : count.get("byCountry")) {
            if (line.get("country").asString().equals(country)) {
                return line;
            }
        }
        throw new AssertionError("No line for " + country + " in " + count);
    }

    @Test
    void countsPerCountryExcludesACountrySendsTracksReceiptsAndClicks() throws Exception {
        String id = draft("Bonjour {{ contact.firstName }}, portes ouvertes samedi : https://club.example/po?s=1.");
        JsonNode count = json(call("POST", "/campaigns/" + id + "/count", key, null));
        JsonNode fr = line(count, "FR");
        assertThat(fr.get("recipients").asLong()).isEqualTo(3);
        assertThat(fr.get("nonAddressable").asLong()).as("400 characters of first name need more than 3 parts").isEqualTo(1);
        assertThat(fr.get("parts").get("1").asLong()).isEqualTo(2);
        assertThat(fr.get("totalParts").asLong()).isEqualTo(2);
        int frRate = fr.get("creditsPerPart").asInt();
        assertThat(fr.get("credits").asLong()).isEqualTo(2L * frRate);
        JsonNode be = line(count, "BE");
        assertThat(be.get("recipients").asLong()).isEqualTo(2);
        int beRate = be.get("creditsPerPart").asInt();
        assertThat(be.get("credits").asLong()).isEqualTo(2L * beRate);
        JsonNode jp = line(count, "JP");
        assertThat(jp.get("nonAddressable").asLong()).as("no price for Japan").isEqualTo(1);
        assertThat(jp.get("creditsPerPart") == null || jp.get("creditsPerPart").isNull()).as("no rate").isTrue();
        assertThat(count.get("recipients").asLong()).isEqualTo(4);
        assertThat(count.get("credits").asLong()).isEqualTo(2L * frRate + 2L * beRate);
        assertThat(count.get("excluded").get("NON_ADDRESSABLE").asLong()).isEqualTo(2);

        JsonNode withoutBelgium = json(call("POST", "/campaigns/" + id + "/count", key, Map.of("excludeCountries", List.of("BE"))));
        assertThat(withoutBelgium.get("recipients").asLong()).isEqualTo(2);
        assertThat(withoutBelgium.get("credits").asLong()).isEqualTo(2L * frRate);
        assertThat(line(withoutBelgium, "BE").get("excluded").asBoolean()).isTrue();
        assertThat(call("POST", "/campaigns/" + id + "/count", key, Map.of("excludeCountries", List.of("ZZ")))
                .statusCode()).isEqualTo(422);
        assertThat(call("POST", "/campaigns/" + id + "/count", otherKey, null).statusCode()).isEqualTo(404);

        HttpResponse<String> sent = call("POST", "/campaigns/" + id + "/send", key, Map.of("excludeCountries", List.of("BE")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String alice = contactMobile("Alice");
        await().atMost(Duration.ofSeconds(40)).until(() -> json(call("GET", "/campaigns/" + id + "/stats", key, null))
                .get("delivered").asLong() == 2);
        JsonNode stats = json(call("GET", "/campaigns/" + id + "/stats", key, null));
        assertThat(stats.get("sent").asLong()).isEqualTo(2);
        assertThat(stats.get("parts").asLong()).isEqualTo(2);
        assertThat(stats.get("credits").asLong()).isEqualTo(2L * frRate);
        List<SandboxSms> received = asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().equals(alice)).toList();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().text()).startsWith("Bonjour Alice").doesNotContain("club.example");
        assertThat(asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().startsWith("+32"))).isEmpty();

        Matcher link = Pattern.compile("(/s/[A-Za-z0-9_-]{15})\\.").matcher(received.getFirst().text());
        assertThat(link.find()).as(received.getFirst().text()).isTrue();
        HttpResponse<String> click = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link.group(1)))
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://club.example/po?s=1");
        String forged = link.group(1).substring(0, 10) + (link.group(1).charAt(10) == 'A' ? 'B' : 'A') + link.group(1).substring(11);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + forged)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(call("GET", "/campaigns/" + id + "/stats", key, null))
                .get("clicks").asLong() == 1);
        assertThat(json(call("GET", "/credits", key, null)).get("balance").asLong()).isEqualTo(100 - 2L * frRate);
    }

    private String contactMobile(String firstName) {
        login(loginProvider, admin);
        try {
            return contactQueries.find(members.get(firstName)).orElseThrow().mobile();
        } finally {
            TestActors.logout();
        }
    }

    @Test
    void stopWithdrawsTheMarketingConsentAndIsConfirmedForFree() throws Exception {
        String id = draft("Rappel : cours de yoga demain 10h.");
        assertThat(call("POST", "/campaigns/" + id + "/send", key, Map.of("excludeCountries", List.of("BE"))).statusCode())
                .isEqualTo(202);
        String bruno = contactMobile("Bruno");
        String alice = contactMobile("Alice");
        await().atMost(Duration.ofSeconds(40)).until(() -> json(call("GET", "/campaigns/" + id, key, null))
                .get("status").asString().equals("SENT"));
        assertThat(json(call("GET", "/campaigns/" + id + "/stats", key, null)).get("sent").asLong()).isEqualTo(3);
        long balance = json(call("GET", "/credits", key, null)).get("balance").asLong();
        asSystem(() -> {
            sandbox.reply(bruno, "Stop SMS");
            sandbox.reply(alice, "Merci, à demain !");
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/campaigns/" + id + "/stats", key, null))
                .get("stopReplies").asLong() == 1);
        login(loginProvider, admin);
        try {
            var consents = contactQueries.find(members.get("Bruno")).orElseThrow().consents();
            assertThat(consents.allows(Channel.SMS, BroadcastType.MARKETING)).isFalse();
            assertThat(consents.allows(Channel.SMS, BroadcastType.INFORMATIVE)).isTrue();
            assertThat(contactQueries.find(members.get("Alice")).orElseThrow().consents()
                    .allows(Channel.SMS, BroadcastType.MARKETING)).as("another reply changes nothing").isTrue();
            assertThat(contactQueries.replies(members.get("Bruno"))).singleElement().satisfies(reply -> {
                assertThat(reply.stop()).isTrue();
                assertThat(reply.campaignName()).isEqualTo("Portes ouvertes");
            });
            assertThat(contactQueries.replies(members.get("Alice"))).singleElement()
                    .satisfies(reply -> assertThat(reply.text()).isEqualTo("Merci, à demain !"));
        } finally {
            TestActors.logout();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> asSystem(() -> sandbox.messages()).stream()
                .filter(m -> m.to().equals(bruno)).count() == 2);
        assertThat(asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().equals(bruno)).findFirst().orElseThrow()
                .text()).contains("Club SMS");
        assertThat(json(call("GET", "/credits", key, null)).get("balance").asLong()).as("the confirmation is free")
                .isEqualTo(balance);
    }

    @Test
    void theAccountsMostPartsPerMessageMakesLongerTextsNonAddressable() throws Exception {
        String id = draft("Bonjour {{ contact.firstName }}, " + "le club rouvre ses portes samedi. ".repeat(5));
        JsonNode before = line(json(call("POST", "/campaigns/" + id + "/count", key, null)), "FR");
        assertThat(before.get("parts").get("2").asLong()).isEqualTo(2);
        assertThat(before.get("nonAddressable").asLong()).isEqualTo(1);
        login(loginProvider, admin);
        try {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> options.change(11, "")))
                    .isInstanceOf(io.portevoix.shared.InvalidInputException.class);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> options.change(2, "nowhere")))
                    .isInstanceOf(io.portevoix.shared.InvalidInputException.class);
            assertThat(options.change(1, "sandbox").maxParts()).isEqualTo(1);
        } finally {
            TestActors.logout();
        }
        JsonNode after = line(json(call("POST", "/campaigns/" + id + "/count", key, null)), "FR");
        assertThat(after.get("nonAddressable").asLong()).as("two parts are now too many").isEqualTo(3);
        assertThat(after.get("totalParts").asLong()).isZero();
        assertThat(line(json(call("POST", "/campaigns/" + id + "/count", key, null)), "BE")
                .get("nonAddressable").asLong()).isEqualTo(2);
    }

    @Test
    void onlyAnApprovedSenderIdOfTheAccountSignsItsSms() throws Exception {
        String id = draft("Le club vous souhaite un bel été.");
        String sender = "CLUB" + (System.nanoTime() % 10_000);
        login(loginProvider, admin);
        io.portevoix.tenancy.SenderIdId requested;
        try {
            requested = senderIds.request(sender);
        } finally {
            TestActors.logout();
        }
        HttpResponse<String> pending = call("PATCH", "/campaigns/" + id, key, Map.of("senderId", sender));
        assertThat(pending.statusCode()).as("requested, not approved yet").isEqualTo(422);
        assertThat(pending.body()).contains("senderId");
        asSystem(() -> {
            senderIds.approve(requested, "ok");
            return null;
        });
        assertThat(call("PATCH", "/campaigns/" + id, key, Map.of("senderId", sender)).statusCode()).isEqualTo(200);
        String draftOfOther = json(call("POST", "/campaigns", otherKey, Map.of("name", "Autre", "channel", "SMS",
                "text", "Bonjour"))).get("id").asString();
        assertThat(call("PATCH", "/campaigns/" + draftOfOther, otherKey, Map.of("senderId", sender)).statusCode())
                .as("another account cannot use it").isEqualTo(422);
        String tester = String.format("06 98 %02d %02d %02d", System.nanoTime() % 100, System.nanoTime() / 100 % 100,
                System.nanoTime() / 10_000 % 100);
        HttpResponse<String> test = call("POST", "/campaigns/" + id + "/test", key, Map.of("to", List.of(tester)));
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
        String testerE164 = "+33" + tester.replace(" ", "").substring(1);
        assertThat(asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().equals(testerE164)).findFirst()
                .orElseThrow().from()).isEqualTo(sender);
        assertThat(call("POST", "/campaigns/" + id + "/test", key, Map.of("to", List.of("12"))).statusCode()).isEqualTo(422);
        assertThat(json(call("GET", "/campaigns/" + id + "/stats", key, null)).get("sent").asLong()).as("a test is not counted")
                .isZero();
        assertThat(call("POST", "/campaigns/" + id + "/send", key, Map.of("excludeCountries", List.of("BE"))).statusCode())
                .isEqualTo(202);
        String alice = contactMobile("Alice");
        await().atMost(Duration.ofSeconds(40)).until(() -> asSystem(() -> sandbox.messages()).stream()
                .anyMatch(m -> m.to().equals(alice)));
        assertThat(asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().equals(alice)).findFirst().orElseThrow()
                .from()).isEqualTo(sender);
    }

    @Test
    void marketingSmsOutsideTheAccountsWindowWaitForItsNextSlotAndInformativeOnesDoNot() throws Exception {
        login(loginProvider, admin);
        try {
            // a quarter of an hour each weekday morning: whenever the suite runs, now is (almost surely) outside it
            windows.narrow(new io.portevoix.delivery.application.NarrowSmsWindow(java.util.EnumSet.range(
                    java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SATURDAY), java.time.LocalTime.of(8, 0),
                    java.time.LocalTime.of(8, 15)));
        } finally {
            TestActors.logout();
        }
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"));
        // inside the window, or so close before it that the next slot is less than the few minutes checked below
        org.junit.jupiter.api.Assumptions.assumeFalse(now.getDayOfWeek() != java.time.DayOfWeek.SUNDAY
                && now.toLocalTime().isBefore(java.time.LocalTime.of(8, 16)) && !now.toLocalTime().isBefore(
                        java.time.LocalTime.of(7, 50)), "the suite runs inside the narrowed window or just before it");
        HttpResponse<String> created = call("POST", "/campaigns", key, Map.of("name", "Promo", "channel", "SMS",
                "broadcastType", "MARKETING", "text", "Promo -20 % ce mois-ci",
                "audience", Map.of("criteria", Map.of("match", "ALL", "rules",
                        List.of(Map.of("field", "tags", "op", "contains", "value", tag))))));
        String marketing = json(created).get("id").asString();
        assertThat(call("POST", "/campaigns/" + marketing + "/send", key, Map.of("excludeCountries", List.of("BE")))
                .statusCode()).isEqualTo(202);
        String informative = draft("Le cours de 18 h est annulé ce soir.");
        assertThat(call("POST", "/campaigns/" + informative + "/send", key, Map.of("excludeCountries", List.of("BE")))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(40)).until(() -> json(call("GET", "/campaigns/" + informative + "/stats", key, null))
                .get("sent").asLong() == 3);
        // leased to a worker for a moment (not due while it holds them), then postponed to the next slot
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<java.time.Instant> pending = nextAttempts(marketing);
            return pending.size() == 3 && pending.stream().allMatch(at -> at.isAfter(java.time.Instant.now()
                    .plus(Duration.ofMinutes(3))));
        });
        List<java.time.Instant> next = nextAttempts(marketing);
        assertThat(next).hasSize(3).allSatisfy(at -> {
            java.time.ZonedDateTime paris = at.atZone(java.time.ZoneId.of("Europe/Paris"));
            assertThat(paris.toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 0));
            assertThat(paris.getDayOfWeek()).isNotEqualTo(java.time.DayOfWeek.SUNDAY);
        });
        JsonNode stats = json(call("GET", "/campaigns/" + marketing + "/stats", key, null));
        assertThat(stats.get("sent").asLong()).isZero();
        assertThat(json(call("GET", "/campaigns/" + marketing, key, null)).get("status").asString()).isEqualTo("SENDING");
    }

    private List<java.time.Instant> nextAttempts(String campaign) {
        return asSystem(() -> io.portevoix.tenancy.TenantContext.callAs(account, () -> transactions.execute(status ->
                jdbc.queryForList("select next_attempt_at from delivery.message where account_id = ? and campaign_id = ?"
                        + " and state = 'PENDING'", java.sql.Timestamp.class, account.value(), java.util.UUID.fromString(campaign))
                        .stream().map(java.sql.Timestamp::toInstant).toList())));
    }
}
