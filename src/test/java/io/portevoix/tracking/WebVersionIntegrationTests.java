package io.portevoix.tracking;

import static io.portevoix.tracking.SentCampaign.BROWSER;
import static io.portevoix.tracking.SentCampaign.CLICK;
import static io.portevoix.tracking.SentCampaign.PIXEL;
import static io.portevoix.tracking.SentCampaign.WEB_VERSION;
import static io.portevoix.tracking.SentCampaign.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.audience.ContactCommands;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStats;
import io.portevoix.delivery.SandboxMessage;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The plain-text part's links are the same signed redirects as the HTML part's; {@code {{ webVersionUrl }}}
 * opens the member's own message, rendered again as it was sent with its links tracked, branded with
 * the account; a view is recorded as such (not as an open); forged links are 404; an erased member's
 * message is no longer available.
 */
@PorteVoixTest
class WebVersionIntegrationTests {

    static final String AGENDA = "https://club.example/agenda?saison=2027&tri=date";
    static final String TENNIS = "https://fr.wikipedia.org/wiki/Tennis_(sport)";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired CampaignQueries queries;
    @Autowired ContactCommands contacts;
    @Autowired TrackingQueries tracking;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void theTextPartsLinksAreTheSameSignedRedirectsAsTheHtmlParts() throws Exception {
        SentCampaign sender = new SentCampaign(context);
        SentCampaign.Sent sent = sender.send("Club Texte", "Programme", "<p>Bonjour, voici l’<a href=\"" + AGENDA.replace("&", "&amp;")
                + "\">agenda</a>, le <a href=\"" + TENNIS + "\">tennis</a>.</p><p>Encore l’agenda : <a href=\""
                + AGENDA.replace("&", "&amp;") + "\">" + AGENDA.replace("&", "&amp;") + "</a>.</p>", List.of("alice"));
        SandboxMessage mail = sent.mails().get("alice");

        assertThat(mail.text()).doesNotContain("club.example").doesNotContain("wikipedia");
        List<String> html = all(CLICK, mail.html());
        List<String> text = all(CLICK, mail.text());
        assertThat(html).hasSize(3);
        assertThat(text).containsExactlyElementsOf(html);
        assertThat(html.get(2)).isEqualTo(html.get(0));
        // the text around the links is untouched: the closing bracket and the full stop stay outside
        String host = "http://[^\\s/]+";
        assertThat(mail.text()).containsPattern("agenda \\(" + host + Pattern.quote(html.get(0)) + "\\)")
                .containsPattern("tennis \\(" + host + Pattern.quote(html.get(1)) + "\\)")
                .containsPattern("Encore l’agenda : " + host + Pattern.quote(html.get(2)) + "\\.");
        sender.hit(port, "GET", text.get(0), BROWSER, "");
        sender.hit(port, "GET", html.get(0), BROWSER, "");
        Thread.sleep(1_100); // every link of the message within a second would be a scanner
        HttpResponse<String> tennis = sender.hit(port, "GET", text.get(1), BROWSER, "");
        assertThat(tennis.statusCode()).isEqualTo(302);
        assertThat(tennis.headers().firstValue("Location")).hasValue(TENNIS);

        // both parts' clicks on a link count for that one link
        CampaignStats stats = queries.stats(sent.campaign());
        assertThat(stats.engagement().links()).extracting(l -> l.url() + "=" + l.clicks())
                .containsExactly(AGENDA + "=2", TENNIS + "=1");
    }

    @Test
    void theWebVersionShowsTheMembersOwnMessageWithTrackedLinksAndCountsAViewNotAnOpen() throws Exception {
        SentCampaign sender = new SentCampaign(context);
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        SentCampaign.Sent sent = sender.send("Club Web", "Nouvelles du club", "<p>Bonjour {{ contact.firstName }},"
                + " voir l’<a href=\"" + AGENDA.replace("&", "&amp;") + "\">agenda</a>.</p>"
                + "<p><a href=\"{{ webVersionUrl }}\">Voir ce message en ligne</a></p>", List.of("alice", "bruno"));
        SandboxMessage alice = sent.mails().get("alice");
        List<String> links = all(WEB_VERSION, alice.html());
        assertThat(links).as("the merge tag prints the web version's signed link").hasSize(1);
        assertThat(all(WEB_VERSION, alice.text())).containsExactlyElementsOf(links);
        String webVersion = links.getFirst();

        HttpResponse<String> page = sender.hit(port, "GET", webVersion, BROWSER, "");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("script-src 'none'"));
        assertThat(page.body()).contains("Bonjour alice").contains("<title>Nouvelles du club · Club Web</title>")
                .contains("Version en ligne d’un message de Club Web").doesNotContain("club.example");
        assertThat(all(CLICK, page.body())).as("the same tracked links as the e-mail").containsExactlyElementsOf(
                all(CLICK, alice.html()));
        assertThat(all(PIXEL, page.body())).as("no open pixel: a view is not an open").isEmpty();
        HttpResponse<String> click = sender.hit(port, "GET", all(CLICK, page.body()).getFirst(), BROWSER, "");
        assertThat(click.headers().firstValue("Location")).hasValue(AGENDA);
        // a link scanner fetching the page is recorded, flagged
        assertThat(sender.hit(port, "HEAD", webVersion, BROWSER, "").statusCode()).isEqualTo(200);

        String forged = webVersion.substring(0, webVersion.length() - 3) + (webVersion.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(sender.hit(port, "GET", forged, BROWSER, "").statusCode()).isEqualTo(404);
        assertThat(sender.hit(port, "GET", "/public/w/" + "A".repeat(40), BROWSER, "").statusCode()).isEqualTo(404);
        String unsubscribe = all(java.util.regex.Pattern.compile("/public/u/[A-Za-z0-9_-]+"), alice.html()).getFirst();
        assertThat(sender.hit(port, "GET", "/public/w/" + unsubscribe.substring("/public/u/".length()), BROWSER, "")
                .statusCode()).as("a signed link of another purpose").isEqualTo(404);

        CampaignStats stats = queries.stats(sent.campaign());
        assertThat(stats.engagement().uniqueOpens()).isEqualTo(1);
        assertThat(stats.engagement().opens()).as("the view is not an open; the click is").isZero();
        assertThat(stats.engagement().clicks()).isEqualTo(1);
        List<OpensBucket> buckets = tracking.opensOverTime(sent.campaign(), start, Duration.ofMinutes(10), 6);
        assertThat(buckets).hasSize(6);
        assertThat(buckets.stream().mapToLong(OpensBucket::webViews).sum()).as("one view by a person").isEqualTo(1);
        assertThat(buckets.stream().mapToLong(OpensBucket::humanOpens).sum()).isZero();

        // bruno is erased: his link still verifies, the page is polite and shows nothing of him
        contacts.erase(sent.members().get("bruno"));
        String brunos = all(WEB_VERSION, sent.mails().get("bruno").html()).getFirst();
        HttpResponse<String> gone = sender.hit(port, "GET", brunos, BROWSER, "");
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body()).contains("Club Web").contains("Ce message n’est plus disponible.").doesNotContain("bruno");
    }
}
