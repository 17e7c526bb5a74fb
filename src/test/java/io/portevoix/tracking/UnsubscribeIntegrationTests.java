package io.portevoix.tracking;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentChange;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.delivery.MailSandbox;
import io.portevoix.delivery.SandboxMessage;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.CreateAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Signed unsubscribe and preferences: every marketing message carries List-Unsubscribe (https) with
 * List-Unsubscribe-Post; the one-click POST withdraws the consent for that broadcast type, recorded
 * with its source, before it answers; an altered token is a 404 and changes nothing; the
 * preference centre sets the e-mail consents type by type.
 */
@PorteVoixTest
class UnsubscribeIntegrationTests {

    private static final Pattern LINK = Pattern.compile("(/public/[up]/[A-Za-z0-9_-]+)");

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired ContactQueries contactQueries;
    @Autowired CreditCommands credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired MailSandbox sandbox;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    HttpResponse<String> call(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String path(String url) {
        Matcher m = LINK.matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return m.group(1);
    }

    @Test
    void aMemberUnsubscribesInOneClickAndSetsPreferencesWithSignedLinks() throws Exception {
        String admin = uniqueEmail("unsubscribe");
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Club Désinscription", null,
                new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        asSystem(() -> credits.grant(new GrantCredits(account, 10, "test")));
        String email = "lea" + System.nanoTime() + "@club.example";
        ContactDetails lea = contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, email)
                .set(ContactField.CONSENTS, Map.of(Channel.EMAIL, Map.of(BroadcastType.MARKETING, true))).build(),
                ConsentSource.API).contact();
        CampaignDetails c = campaigns.create(new CampaignDraft("Promo", "", Channel.EMAIL, BroadcastType.MARKETING,
                new Audience(List.of(), List.of(), List.of(), List.of(lea.id()), null),
                new CampaignContent("Offre", "", "<p>Offre du mois</p>", "", null, "", "", "", "")));
        campaigns.send(c.id(), null);
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);
        SandboxMessage message = asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().contains(email))
                .findFirst().orElseThrow();
        String header = message.headers().get("List-Unsubscribe");
        assertThat(header).startsWith("<http").endsWith(">");
        assertThat(message.headers().get("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = path(header);
        assertThat(message.html()).contains(unsubscribe);
        Matcher preferencesLink = Pattern.compile("(/public/p/[A-Za-z0-9_-]+)").matcher(message.html());
        assertThat(preferencesLink.find()).isTrue();
        String preferences = preferencesLink.group(1);

        HttpResponse<String> page = call("GET", unsubscribe, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Club Désinscription").contains("promotionnels");
        String altered = unsubscribe.substring(0, unsubscribe.length() - 2)
                + (unsubscribe.endsWith("AA") ? "BB" : "AA");
        assertThat(call("POST", altered, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/public/u/not-a-token", null).statusCode()).isEqualTo(404);
        assertThat(contactQueries.find(lea.id()).orElseThrow().consents().allows(Channel.EMAIL, BroadcastType.MARKETING))
                .isTrue();

        HttpResponse<String> oneClick = call("POST", unsubscribe, "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(contactQueries.find(lea.id()).orElseThrow().consents().allows(Channel.EMAIL, BroadcastType.MARKETING))
                .isFalse();
        assertThat(contactQueries.consentHistory(lea.id())).extracting(ConsentChange::source)
                .contains(ConsentSource.UNSUBSCRIBE_LINK);
        // the unsubscribe link cannot be used as a preferences link, and the other way round
        assertThat(call("GET", unsubscribe.replace("/public/u/", "/public/p/"), null).statusCode()).isEqualTo(404);

        HttpResponse<String> saved = call("POST", preferences, "MARKETING=on");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"saved\"");
        ContactDetails after = contactQueries.find(lea.id()).orElseThrow();
        assertThat(after.consents().allows(Channel.EMAIL, BroadcastType.MARKETING)).isTrue();
        assertThat(after.consents().allows(Channel.EMAIL, BroadcastType.INFORMATIVE)).isFalse();
    }
}
