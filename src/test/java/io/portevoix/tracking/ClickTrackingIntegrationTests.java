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
import io.portevoix.campaigns.CampaignStats;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Links of sent e-mails are signed redirects of each recipient (the destination never readable in
 * them) that answer 302 to the exact original URL; forged ones are 404; the open pixel is an
 * image; scanners and HEAD requests are recorded but left out of unique counts and rates.
 */
@PorteVoixTest
class ClickTrackingIntegrationTests {

    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0 Safari/537.36";

    @LocalServerPort int port;
    @Autowired AccountCommands accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ContactCommands contacts;
    @Autowired CreditCommands credits;
    @Autowired CampaignCommands campaigns;
    @Autowired CampaignQueries queries;
    @Autowired MailSandbox sandbox;
    @Autowired io.portevoix.audience.SegmentQueries segments;
    @Autowired io.portevoix.audience.ContactQueries contactQueries;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    HttpResponse<String> hit(String method, String path, String userAgent) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("User-Agent", userAgent)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clicksRedirectToTheExactDestinationAndMachinesStayOutOfTheRates() throws Exception {
        String admin = uniqueEmail("clicks");
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Clics", null, new EmailAddress(admin), "",
                PASSWORD)));
        login(loginProvider, admin);
        asSystem(() -> credits.grant(new GrantCredits(account, 10, "test")));
        String domain = "k" + System.nanoTime() + ".example";
        List<io.portevoix.audience.ContactId> ids = new ArrayList<>();
        for (String name : List.of("alice", "bruno")) {
            ids.add(contacts.upsert(ContactInput.builder().set(ContactField.EMAIL, name + "@" + domain).build(),
                    ConsentSource.API).contact().id());
        }
        String agenda = "https://club.example/agenda?saison=2027&tri=date#samedi";
        CampaignDetails c = campaigns.create(new CampaignDraft("Agenda", "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of(), List.of(), List.of(), ids, null),
                new CampaignContent("Agenda", "", "<p><a href=\"" + agenda + "\">Voir l’agenda</a> · "
                        + "<a href=\"https://club.example/tarifs\">Tarifs</a></p>", "", null, "", "", "", "")));
        campaigns.send(c.id(), null);
        await().pollInSameThread().atMost(Duration.ofSeconds(40))
                .until(() -> queries.find(c.id()).orElseThrow().status() == CampaignStatus.SENT);
        SandboxMessage alice = asSystem(() -> sandbox.messages()).stream().filter(m -> m.to().contains("alice@" + domain))
                .findFirst().orElseThrow();
        assertThat(alice.html()).doesNotContain("club.example/agenda").doesNotContain("club.example/tarifs");
        Matcher clicks = Pattern.compile("href=\"[^\"]*(/public/c/[A-Za-z0-9_-]+)\"").matcher(alice.html());
        assertThat(clicks.find()).isTrue();
        String agendaLink = clicks.group(1);
        Matcher pixel = Pattern.compile("src=\"[^\"]*(/public/o/[A-Za-z0-9_-]+)\"").matcher(alice.html());
        assertThat(pixel.find()).isTrue();

        // a scanner and a HEAD request first, then the member's own click, right after
        assertThat(hit("GET", agendaLink, "Mozilla/5.0 (compatible; BingPreview/1.0b)").statusCode()).isEqualTo(302);
        assertThat(hit("HEAD", agendaLink, BROWSER).statusCode()).isEqualTo(302);
        HttpResponse<String> click = hit("GET", agendaLink, BROWSER);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue(agenda);
        HttpResponse<String> open = hit("GET", pixel.group(1), BROWSER);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/gif"));

        String forged = agendaLink.substring(0, agendaLink.length() - 3) + (agendaLink.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(hit("GET", forged, BROWSER).statusCode()).isEqualTo(404);
        assertThat(hit("GET", "/public/c/" + "A".repeat(40), BROWSER).statusCode()).isEqualTo(404);

        CampaignStats stats = queries.stats(c.id());
        assertThat(stats.sent()).isEqualTo(2);
        assertThat(stats.engagement().clicks()).isEqualTo(1);
        assertThat(stats.engagement().uniqueClicks()).isEqualTo(1);
        assertThat(stats.engagement().uniqueOpens()).isEqualTo(1);
        assertThat(stats.engagement().machineEvents()).isEqualTo(2);
        assertThat(stats.clickRate()).isEqualTo(0.5);
        assertThat(stats.engagement().links()).extracting(l -> l.url()).containsExactly(agenda, "https://club.example/tarifs");

        // behaviour criteria and the member's history see people's opens and clicks only
        for (String field : List.of("campaign.received", "campaign.opened", "campaign.clicked")) {
            long expected = field.equals("campaign.received") ? 2 : 1;
            assertThat(segments.count(java.util.Map.of("match", "ALL", "rules", List.of(java.util.Map.of("field", field,
                    "op", "eq", "value", c.id().toString()))))).as(field).isEqualTo(expected);
        }
        assertThat(segments.campaigns()).containsEntry(c.id().toString(), "Agenda");
        assertThat(segments.suggestions("campaign.opened")).contains(c.id().toString());
        assertThat(segments.operatorsByField().get("campaign.clicked")).containsExactly("eq", "in", "neq", "notIn");
        assertThat(contactQueries.messages(ids.get(0))).singleElement().satisfies(m -> {
            assertThat(m.opened()).isTrue();
            assertThat(m.clicked()).isTrue();
        });
        assertThat(contactQueries.messages(ids.get(1))).singleElement().satisfies(m -> assertThat(m.opened()).isFalse());
    }

    @Autowired io.portevoix.delivery.spi.TrackingLinks trackingLinks;
    @Autowired io.portevoix.templates.TemplateRenderer renderer;

    /**
     * The links found once in the campaign's HTML and marked, then filled in for each member, give
     * the very HTML that finding them in each rendered message gives: every fixed link (double,
     * single or unquoted, twice the same), a link whose target is a merge tag, the pixel; the
     * member's own pages and mailto links untouched; the text part's URLs the same redirects; no
     * mark left.
     */
    @Test
    void linksFoundOnceGiveTheSameMessageAsLinksFoundInEachMessage() {
        String admin = uniqueEmail("prepared");
        AccountId account = asSystem(() -> accounts.create(new CreateAccount("Liens", null, new EmailAddress(admin), "",
                PASSWORD)));
        login(loginProvider, admin);
        io.portevoix.audience.ContactDetails lea = contactQueries.find(contacts.upsert(ContactInput.builder()
                .set(ContactField.EMAIL, uniqueEmail("lea")).set(ContactField.FIRST_NAME, "Léa")
                .set(ContactField.EXTERNAL_REF, "A-17").build(), ConsentSource.API).contact().id()).orElseThrow();
        String html = "<html><body><h1>Bonjour {{ contact.firstName }}</h1>"
                + "<p><a href=\"https://club.example/agenda?saison=2027&amp;tri=date\">Agenda</a> "
                + "<a href='https://club.example/tarifs'>Tarifs</a> <a href=https://club.example/plan>Plan</a> "
                + "<a href=\"https://club.example/fiche?ref={{ contact.externalRef }}\">Ma fiche</a> "
                + "<a href=\"mailto:accueil@club.example\">Écrire</a> "
                + "<a href=\"https://club.example/agenda?saison=2027&amp;tri=date\">Encore l’agenda</a></p>"
                + "<p>Site : https://club.example/infos</p>"
                + "<p><a href=\"{{ unsubscribeUrl }}\">Se désinscrire</a></p></body></html>";
        CampaignDetails c = campaigns.create(new CampaignDraft("Liens", "", Channel.EMAIL, BroadcastType.INFORMATIVE,
                new Audience(List.of(), List.of(), List.of(), List.of(lea.id()), null),
                new CampaignContent("Liens", "", html, "", null, "", "", "", "")));
        io.portevoix.tenancy.TenantContext.runAs(account, () -> {
            io.portevoix.templates.RecipientLinks links = trackingLinks.links(c.id(), lea.id(), BroadcastType.INFORMATIVE);
            io.portevoix.templates.RenderedEmail each = renderer.compileEmail(new io.portevoix.templates.EmailContent(
                    "Liens", "", html, null), BroadcastType.INFORMATIVE).render(lea, links);
            java.util.List<io.portevoix.delivery.spi.PreparedLinks> prepared = new ArrayList<>();
            io.portevoix.templates.RenderedEmail once = renderer.compileEmail(new io.portevoix.templates.EmailContent(
                    "Liens", "", html, null), BroadcastType.INFORMATIVE, source -> {
                        prepared.add(trackingLinks.prepare(c.id(), source));
                        return prepared.getFirst().html();
                    }, text -> prepared.getFirst().markText(text)).render(lea, links);
            assertThat(once.html()).contains("links.invalid");
            assertThat(once.text()).contains("links.invalid");

            String signedHtml = prepared.getFirst().sign(once.html(), lea.id());
            String signedText = prepared.getFirst().signText(once.text(), lea.id());
            assertThat(signedHtml).isEqualTo(trackingLinks.track(each.html(), c.id(), lea.id()));
            assertThat(signedText).isEqualTo(trackingLinks.trackText(each.text(), c.id(), lea.id()));
            assertThat(signedHtml + signedText).doesNotContain("links.invalid").doesNotContain("club.example/agenda")
                    .doesNotContain("club.example/fiche");
            assertThat(signedText).doesNotContain("club.example/infos");
            assertThat(signedHtml).contains("mailto:accueil@club.example").contains("/public/o/");
            assertThat(Pattern.compile("/public/c/").matcher(signedHtml).results().count()).isEqualTo(5);
        });
    }
}
