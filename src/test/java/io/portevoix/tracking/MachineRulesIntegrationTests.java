package io.portevoix.tracking;

import static io.portevoix.tracking.SentCampaign.BROWSER;
import static io.portevoix.tracking.SentCampaign.CLICK;
import static io.portevoix.tracking.SentCampaign.PIXEL;
import static io.portevoix.tracking.SentCampaign.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStats;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The machine rules over real HTTP requests: Apple Mail Privacy Protection opens (from Apple's
 * networks, behind a trusted proxy's X-Forwarded-For), listed scanners, and a message whose every
 * link is hit within a second (even across batches) are recorded but flagged; a person's click,
 * however soon, and a click through iCloud Private Relay are not. Opens over time split them.
 */
@PorteVoixTest
class MachineRulesIntegrationTests {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired CampaignQueries queries;
    @Autowired TrackingQueries tracking;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void machinesAreFlaggedByTheShippedRulesAndPeopleNeverAre() throws Exception {
        SentCampaign sender = new SentCampaign(context);
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        SentCampaign.Sent sent = sender.send("Club Machines", "Deux liens", "<p><a href=\"https://club.example/planning\">Planning</a>"
                + " · <a href=\"https://club.example/tarifs\">Tarifs</a></p>", List.of("alice", "bruno", "chloe", "denis"));
        String web = "203.0.113.9";

        // alice reads with Apple Mail Privacy Protection: its proxy fetches the pixel from Apple's networks
        String alicePixel = all(PIXEL, sent.mails().get("alice").html()).getFirst();
        assertThat(sender.hit(port, "GET", alicePixel, BROWSER, "17.58.63.1").statusCode()).isEqualTo(200);
        assertThat(sender.hit(port, "GET", alicePixel, BROWSER, "2620:149:a44::12").statusCode()).isEqualTo(200);

        // bruno opens in an ordinary mail client, then clicks once in Safari through iCloud Private Relay
        List<String> bruno = all(CLICK, sent.mails().get("bruno").html());
        sender.hit(port, "GET", all(PIXEL, sent.mails().get("bruno").html()).getFirst(), BROWSER, web);
        assertThat(sender.hit(port, "GET", bruno.get(0), BROWSER, "17.58.63.1").statusCode()).isEqualTo(302);
        // alice's company gateway checks one of her links
        assertThat(sender.hit(port, "GET", all(CLICK, sent.mails().get("alice").html()).get(1), "Proofpoint URL Defense/1.0",
                web).statusCode()).isEqualTo(302);

        // chloe's scanner follows both links within the second, in two different batches of the writer
        List<String> chloe = all(CLICK, sent.mails().get("chloe").html());
        assertThat(sender.hit(port, "GET", chloe.get(0), BROWSER, web).statusCode()).isEqualTo(302);
        Thread.sleep(350);
        assertThat(sender.hit(port, "GET", chloe.get(1), BROWSER, web).statusCode()).isEqualTo(302);

        // denis clicks the moment the mail arrives, then the other link a little later: a person
        List<String> denis = all(CLICK, sent.mails().get("denis").html());
        assertThat(sender.hit(port, "GET", denis.get(0), BROWSER, web).statusCode()).isEqualTo(302);
        Thread.sleep(1_300);
        assertThat(sender.hit(port, "GET", denis.get(1), BROWSER, web).statusCode()).isEqualTo(302);

        CampaignStats stats = queries.stats(sent.campaign());
        assertThat(stats.engagement().opens()).as("bruno's open only").isEqualTo(1);
        assertThat(stats.engagement().clicks()).as("bruno's one and denis's two").isEqualTo(3);
        assertThat(stats.engagement().uniqueClicks()).isEqualTo(2);
        assertThat(stats.engagement().uniqueOpens()).as("bruno and denis").isEqualTo(2);
        assertThat(stats.engagement().machineEvents()).as("alice's 2 opens, the gateway, chloe's 2 clicks").isEqualTo(5);
        assertThat(stats.clickRate()).isEqualTo(0.5);

        List<OpensBucket> buckets = tracking.opensOverTime(sent.campaign(), start, Duration.ofMinutes(1), 10);
        assertThat(buckets).hasSize(10);
        assertThat(buckets.getFirst().start()).isEqualTo(start);
        assertThat(buckets.get(1).start()).isEqualTo(buckets.getFirst().start().plus(Duration.ofMinutes(1)));
        assertThat(buckets.stream().mapToLong(OpensBucket::humanOpens).sum()).isEqualTo(1);
        assertThat(buckets.stream().mapToLong(OpensBucket::machineOpens).sum()).isEqualTo(2);
        assertThat(buckets.subList(0, 4)).as("nothing before the send").allSatisfy(b -> assertThat(b.humanOpens()
                + b.machineOpens()).isZero());
        assertThat(buckets.stream().filter(b -> b.machineOpens() == 2).toList()).as("both in one bucket").hasSize(1);
    }
}
