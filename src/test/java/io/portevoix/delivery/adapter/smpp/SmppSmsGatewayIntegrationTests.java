package io.portevoix.delivery.adapter.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsListener.ReceiptStatus;
import io.portevoix.delivery.application.port.SmsSubmission;
import io.portevoix.delivery.application.port.SmsSubmission.Outcome;
import io.portevoix.support.SmppTestServer;
import io.portevoix.support.SmppTestServer.Submitted;
import io.portevoix.templates.SmsLength;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP gateway against a real SMPP server in the same JVM (jSMPP's server side): no mocks. */
class SmppSmsGatewayIntegrationTests {

    private static final String MEMBER = "+33612345678";

    private SmppTestServer server;
    private SmppSmsGateway gateway;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void startServer() throws IOException {
        server = SmppTestServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.destroy();
        }
        server.close();
    }

    @Test
    void bindsAsTransceiverAndSendsAShortTextInOneGsmPartWithAReceiptRequested() {
        connect(settings());

        SmsSubmission outcome = submitOne(new OutgoingSms(1, "+33700000001", MEMBER, "Rendez-vous samedi à 10h"));

        assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
        Submitted sent = single(server.submitted());
        assertThat(outcome.gatewayIds()).containsExactly(sent.messageId());
        assertThat(sent.dataCoding()).isZero();
        assertThat(sent.esmClass()).isZero();
        assertThat(sent.registeredDelivery()).isEqualTo((byte) 0x01);
        assertThat(sent.text()).isEqualTo("Rendez-vous samedi à 10h");
        assertThat(sent.shortMessage()).hasSize(24);
        assertThat(List.of(sent.sourceTon(), sent.sourceNpi(), sent.destinationTon(), sent.destinationNpi()))
                .containsExactly((byte) 1, (byte) 1, (byte) 1, (byte) 1);
        assertThat(sent.sourceAddress()).isEqualTo("33700000001");
        assertThat(sent.destinationAddress()).isEqualTo("33612345678");
        assertThat(server.bindCount()).isEqualTo(1);
    }

    @Test
    void anAlphanumericSenderGoesWithTonFiveAndNpiZero() {
        connect(settings());

        submitOne(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"));

        Submitted sent = single(server.submitted());
        assertThat(sent.sourceAddress()).isEqualTo("ClubNantes");
        assertThat(sent.sourceTon()).isEqualTo((byte) 5);
        assertThat(sent.sourceNpi()).isZero();
    }

    @Test
    void aLongSevenBitTextGoesAsConcatenatedPartsWithTheirHeaderAndAnEscapeForTheEuro() {
        connect(settings());
        String text = "Cotisation 2026 : 45 € par membre, à régler avant le 31 mars. ".repeat(6);
        int parts = SmsLength.parts(text);

        SmsSubmission outcome = submitOne(new OutgoingSms(7, "ClubNantes", MEMBER, text));

        List<Submitted> sent = server.submitted();
        assertThat(parts).isEqualTo(3);
        assertThat(sent).hasSize(parts);
        assertThat(outcome.gatewayIds()).containsExactlyElementsOf(sent.stream().map(Submitted::messageId).toList());
        byte reference = sent.getFirst().udh()[3];
        for (int k = 0; k < parts; k++) {
            Submitted part = sent.get(k);
            assertThat(part.esmClass()).isEqualTo((byte) 0x40);
            assertThat(part.dataCoding()).isZero();
            assertThat(part.udh()).containsExactly(0x05, 0x00, 0x03, reference, parts, k + 1);
            assertThat(part.body().length).isLessThanOrEqualTo(153);
        }
        assertThat(sent.getFirst().body()).contains(0x1B, 0x65);
        assertThat(String.join("", sent.stream().map(Submitted::text).toList())).isEqualTo(text);
    }

    @Test
    void aTextOutsideTheAlphabetGoesAsUcs2PartsWithoutCuttingAnEmoji() {
        connect(settings());
        String text = "Fête du club ce soir 🎉 ".repeat(5);
        int parts = SmsLength.parts(text);

        SmsSubmission outcome = submitOne(new OutgoingSms(8, "ClubNantes", MEMBER, text));

        List<Submitted> sent = server.submitted();
        assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(sent).hasSize(parts).hasSize(2);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (Submitted part : sent) {
            assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(part.body().length).isLessThanOrEqualTo(2 * 67);
            whole.writeBytes(part.body());
            String decoded = part.text();
            assertThat(Character.isHighSurrogate(decoded.charAt(decoded.length() - 1))).isFalse();
        }
        assertThat(whole.toString(StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void deliveryReceiptsReachTheListenerWithThePartsIdAndTheirStatus() throws Exception {
        connect(settings());
        List<SmsSubmission> outcomes = gateway.submit(List.of(new OutgoingSms(1, "ClubNantes", MEMBER, "Un"),
                new OutgoingSms(2, "ClubNantes", MEMBER, "Deux"), new OutgoingSms(3, "ClubNantes", MEMBER, "Trois")));
        String delivered = outcomes.get(0).gatewayIds().getFirst();
        String failed = outcomes.get(1).gatewayIds().getFirst();
        String expired = outcomes.get(2).gatewayIds().getFirst();

        server.sendReceipt(delivered, DeliveryReceiptState.DELIVRD, "000");
        server.sendReceipt(failed, DeliveryReceiptState.UNDELIV, "001");
        server.sendReceipt(expired, DeliveryReceiptState.EXPIRED, "000");
        server.sendReceipt(delivered, DeliveryReceiptState.ENROUTE, "000");

        SmsListener.Receipt first = listener.nextReceipt();
        SmsListener.Receipt second = listener.nextReceipt();
        SmsListener.Receipt third = listener.nextReceipt();
        assertThat(List.of(first.gatewayId(), second.gatewayId(), third.gatewayId()))
                .containsExactly(delivered, failed, expired);
        assertThat(List.of(first.status(), second.status(), third.status()))
                .containsExactly(ReceiptStatus.DELIVERED, ReceiptStatus.FAILED, ReceiptStatus.EXPIRED);
        assertThat(second.reason()).isEqualTo("UNDELIV err:001");
        assertThat(first.gateway()).isEqualTo("smpp");
        assertThat(listener.receipts.poll(300, TimeUnit.MILLISECONDS)).as("ENROUTE is not final").isNull();
    }

    @Test
    void repliesReachTheListenerWithTheSenderInE164() throws Exception {
        connect(settings());

        server.sendReply("33612345678", "33700000001", "STOP merci");
        server.sendReply("33611111111", "33700000001", "Très bien, à samedi 👍");

        SmsListener.Reply stop = listener.nextReply();
        SmsListener.Reply unicode = listener.nextReply();
        assertThat(stop.from()).isEqualTo("+33612345678");
        assertThat(stop.to()).isEqualTo("+33700000001");
        assertThat(stop.text()).isEqualTo("STOP merci");
        assertThat(unicode.text()).isEqualTo("Très bien, à samedi 👍");
        assertThat(unicode.gateway()).isEqualTo("smpp");
    }

    @Test
    void throttlingAFullQueueAndASystemErrorAreRetriedAndOtherErrorsFailWithTheirName() {
        connect(settings());
        server.answerNext(1, SMPPConstant.STAT_ESME_RTHROTTLED);
        server.answerNext(1, SMPPConstant.STAT_ESME_RMSGQFUL);
        server.answerNext(1, SMPPConstant.STAT_ESME_RSYSERR);
        server.answerNext(1, SMPPConstant.STAT_ESME_RINVDSTADR);

        List<SmsSubmission> outcomes = IntStream.range(0, 5)
                .mapToObj(i -> submitOne(new OutgoingSms(i, "ClubNantes", MEMBER, "Message " + i))).toList();

        assertThat(outcomes).extracting(SmsSubmission::outcome).containsExactly(Outcome.RETRY, Outcome.RETRY,
                Outcome.RETRY, Outcome.FAILED, Outcome.ACCEPTED);
        assertThat(outcomes.get(0).reason()).contains("ESME_RTHROTTLED");
        assertThat(outcomes.get(3).reason()).contains("ESME_RINVDSTADR");
        assertThat(outcomes.get(3).gatewayIds()).isEmpty();
    }

    @Test
    void aPartRefusedAfterEarlierPartsWereAcceptedMakesTheMessageUncertain() {
        connect(settings());
        server.answerNext(1, 0);
        server.answerNext(1, SMPPConstant.STAT_ESME_RTHROTTLED);

        SmsSubmission outcome = submitOne(new OutgoingSms(9, "ClubNantes", MEMBER, "x".repeat(400)));

        assertThat(outcome.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(outcome.gatewayIds()).containsExactly(server.submitted().getFirst().messageId());
        assertThat(outcome.reason()).contains("Part 2 of 3", "ESME_RTHROTTLED");
    }

    @Test
    void aSubmitLeftUnansweredIsUncertain() {
        connect(settings().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(100)));
        server.delayResponses(Duration.ofMillis(1_500));

        SmsSubmission outcome = submitOne(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"));

        assertThat(outcome.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(outcome.reason()).contains("No answer");
    }

    @Test
    void aConnectionLostAfterTheSubmitWasWrittenIsUncertainAndTheGatewayBindsAgain() {
        connect(settings().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(100)));
        server.dropOnSubmit(1);

        SmsSubmission lost = submitOne(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"));

        assertThat(lost.outcome()).isEqualTo(Outcome.UNCERTAIN);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.bindCount() == 2 && gateway.bound());
        assertThat(submitOne(new OutgoingSms(2, "ClubNantes", MEMBER, "Bonjour")).outcome())
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void whileTheServerIsDownSubmitsAreRetriedAtOnceAndTheGatewayReconnectsByItself() {
        connect(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(100)));
        server.refuseBinds(true);

        server.drop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.bound());
        long start = System.nanoTime();
        SmsSubmission whileDown = submitOne(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        server.refuseBinds(false);

        assertThat(whileDown.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(whileDown.reason()).contains("Not bound");
        assertThat(waited).isLessThan(500);
        await().atMost(Duration.ofSeconds(5)).until(gateway::bound);
        assertThat(submitOne(new OutgoingSms(2, "ClubNantes", MEMBER, "Bonjour")).outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(server.bindCount()).isEqualTo(2);
    }

    @Test
    void withNoServerAtAllSubmitsAreRetriedWithoutBlocking() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        gateway = new SmppSmsGateway(SmppSettings.of("127.0.0.1", closedPort, "portevoix", "secret"), Clock.systemUTC());

        long start = System.nanoTime();
        List<SmsSubmission> outcomes = gateway.submit(List.of(new OutgoingSms(1, "ClubNantes", MEMBER, "Un"),
                new OutgoingSms(2, "ClubNantes", MEMBER, "Deux")));

        assertThat(outcomes).extracting(SmsSubmission::outcome).containsOnly(Outcome.RETRY);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }

    @Test
    void theWindowKeepsSeveralSubmitsInFlightButNoMore() {
        connect(settings().withWindow(10).withMaxPerSecond(0));
        server.delayResponses(Duration.ofMillis(200));

        long tenAtOnce = timeToSubmit(10);
        gateway.destroy();
        connect(settings().withWindow(5).withMaxPerSecond(0));
        long tenInTwoWindows = timeToSubmit(10);

        assertThat(tenAtOnce).as("10 submits with a window of 10, 200 ms each").isBetween(200L, 600L);
        assertThat(tenInTwoWindows).as("10 submits with a window of 5, 200 ms each").isBetween(400L, 900L);
    }

    @Test
    void theThroughputLimitHoldsWithinTenPercent() {
        connect(settings().withWindow(10).withMaxPerSecond(100));
        List<OutgoingSms> batch = IntStream.range(0, 200)
                .mapToObj(i -> new OutgoingSms(i, "ClubNantes", MEMBER, "Message " + i)).toList();

        long start = System.nanoTime();
        List<SmsSubmission> outcomes = gateway.submit(batch);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(outcomes).extracting(SmsSubmission::outcome).containsOnly(Outcome.ACCEPTED);
        assertThat(200 / seconds).as("messages per second").isBetween(90.0, 110.0);
    }

    private long timeToSubmit(int count) {
        List<OutgoingSms> batch = IntStream.range(0, count)
                .mapToObj(i -> new OutgoingSms(i, "ClubNantes", MEMBER, "Message " + i)).toList();
        long start = System.nanoTime();
        List<SmsSubmission> outcomes = gateway.submit(batch);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(outcomes).extracting(SmsSubmission::outcome).containsOnly(Outcome.ACCEPTED);
        return elapsed;
    }

    private SmppSettings settings() {
        return SmppSettings.of(server.host(), server.port(), server.systemId(), server.password()).withMaxPerSecond(0);
    }

    private void connect(SmppSettings settings) {
        gateway = new SmppSmsGateway(settings, Clock.systemUTC());
        gateway.listen(listener);
        await().atMost(Duration.ofSeconds(5)).until(gateway::bound);
    }

    private SmsSubmission submitOne(OutgoingSms sms) {
        return single(gateway.submit(List.of(sms)));
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.getFirst();
    }

    /** Keeps what the gateway reports, for the test to take in order. */
    static final class RecordingListener implements SmsListener {

        final BlockingQueue<Receipt> receipts = new LinkedBlockingQueue<>();
        final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

        @Override
        public void receipt(Receipt receipt) {
            receipts.add(receipt);
        }

        @Override
        public void reply(Reply reply) {
            replies.add(reply);
        }

        Receipt nextReceipt() throws InterruptedException {
            Receipt receipt = receipts.poll(5, TimeUnit.SECONDS);
            assertThat(receipt).as("a receipt within 5 s").isNotNull();
            return receipt;
        }

        Reply nextReply() throws InterruptedException {
            Reply reply = replies.poll(5, TimeUnit.SECONDS);
            assertThat(reply).as("a reply within 5 s").isNotNull();
            return reply;
        }
    }
}
