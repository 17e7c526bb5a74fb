package io.portevoix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.delivery.adapter.smpp.SmppSettings;
import io.portevoix.delivery.adapter.smpp.SmppSmsGateway;
import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsSubmission;
import io.portevoix.support.SmppTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SMPP benchmark ({@code mvn -Pbench test -Dtest=SmppBenchmark}, not part of the suite): 100,000
 * single-part SMS through {@link SmppSmsGateway} (window 10, no rate limit, batches of 200 as the
 * outbox hands them) into the in-process SMPP server, which answers at once; next to the physical
 * limit of the same server fed by a bare jSMPP session with 10 threads submitting in a loop (the
 * same concurrency, no batching, no outcome bookkeeping). The two alternate in 5 rounds of 20,000
 * so that a change of load on the machine weighs on both alike. Writes {@code target/bench/smpp.json}.
 */
@Tag("bench")
class SmppBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.sms", 100_000);
    static final int WARM_UP = 5_000;
    static final int BATCH = 200;
    static final int WINDOW = 10;
    static final int ROUNDS = 5;

    @Test
    void submitsPerSecondThroughTheGatewayAndABareClient() throws Exception {
        try (SmppTestServer server = SmppTestServer.startCounting()) {
            SmppSettings settings = SmppSettings.of(server.host(), server.port(), server.systemId(), server.password())
                    .withWindow(WINDOW).withMaxPerSecond(0).withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1));
            SmppSmsGateway gateway = new SmppSmsGateway(settings, Clock.systemUTC());
            BareSmppClient bareClient = BareSmppClient.bind(server, WINDOW);
            try {
                while (!gateway.bound()) {
                    Thread.sleep(10);
                }
                bareClient.submit(WARM_UP, SmppBenchmark::text);
                send(gateway, WARM_UP);
                long bareNanos = 0;
                long gatewayNanos = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    bareNanos += bareClient.submit(MESSAGES / ROUNDS, SmppBenchmark::text);
                    long start = System.nanoTime();
                    send(gateway, MESSAGES / ROUNDS);
                    gatewayNanos += System.nanoTime() - start;
                }
                double bare = MESSAGES / (bareNanos / 1e9);
                double through = MESSAGES / (gatewayNanos / 1e9);
                report(through, bare);
                assertThat(through).as("submit_sm per second through the gateway").isGreaterThanOrEqualTo(1_000);
            } finally {
                gateway.destroy();
                bareClient.close();
            }
        }
    }

    private static void report(double gateway, double bare) throws java.io.IOException {
        String json = "[\n" + String.join(",\n",
                AudienceBenchmark.metric("smpp_submit_sm_per_second", gateway, "submit_sm/s", bare, gateway / bare),
                AudienceBenchmark.metric("smpp_100k_sms_seconds", MESSAGES / gateway, "s", MESSAGES / bare,
                        bare / gateway)) + "\n]\n";
        Path report = Path.of("target", "bench", "smpp.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, json);
        System.err.println(json);
    }

    private static void send(SmppSmsGateway gateway, int messages) {
        for (int sent = 0; sent < messages; sent += BATCH) {
            List<OutgoingSms> batch = new ArrayList<>(BATCH);
            for (int i = sent; i < Math.min(messages, sent + BATCH); i++) {
                batch.add(new OutgoingSms(i, "ClubNantes", "+336" + (10_000_000 + i % 90_000_000), text(i)));
            }
            List<SmsSubmission> outcomes = gateway.submit(batch);
            if (outcomes.stream().anyMatch(outcome -> outcome.outcome() != SmsSubmission.Outcome.ACCEPTED)) {
                throw new AssertionError("Not every SMS was accepted: " + outcomes.stream()
                        .filter(outcome -> outcome.outcome() != SmsSubmission.Outcome.ACCEPTED).findFirst().orElseThrow());
            }
        }
    }

    private static String text(int i) {
        return "Porte-Voix : votre cotisation 2026 est enregistrée, merci ! Réf. " + i;
    }
}
