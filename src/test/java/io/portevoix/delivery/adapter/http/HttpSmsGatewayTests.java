package io.portevoix.delivery.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsSubmission;
import io.portevoix.delivery.application.port.SmsSubmission.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP gateway against a real HTTP server on a loopback port (the JDK's), scripted per test. */
class HttpSmsGatewayTests {

    private static final String MEMBER = "+33612345678";

    /** What the server received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"id\":\"msg-1\"}";
    private volatile long delayMillis;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/sms", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/sms";
    }

    @Test
    void postsTheTemplateWithEveryValueEscapedAndTheAuthHeaderAndReadsTheIdByItsPointer() {
        answer = "{\"data\":{\"messageId\":\"abc-42\"}}";
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of(url()).withAuth("X-Api-Key", "k-123")
                .withBody("{\"sender\":\"{{from}}\",\"msisdn\":\"{{to}}\",\"body\":\"{{text}}\","
                        + "\"ref\":{{reference}},\"segments\":{{parts}}}", "/data/messageId"));
        String text = "Il a dit \"oui\" \\ à 20h\nFête 🎉 {tag}";

        SmsSubmission outcome = single(gateway.submit(List.of(new OutgoingSms(77, "ClubNantes", MEMBER, text))));

        assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(outcome.gatewayIds()).containsExactly("abc-42");
        Received request = single(received);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().get("X-api-key")).containsExactly("k-123");
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        JsonNode body = JsonMapper.shared().readTree(request.body());
        assertThat(body.get("sender").asString()).isEqualTo("ClubNantes");
        assertThat(body.get("msisdn").asString()).isEqualTo(MEMBER);
        assertThat(body.get("body").asString()).isEqualTo(text);
        assertThat(body.get("ref").asLong()).isEqualTo(77);
        assertThat(body.get("segments").asInt()).isEqualTo(1);
    }

    @Test
    void theDefaultBodyCarriesSenderRecipientTextAndReferenceWithoutAnAuthHeaderWhenNoneIsSet() {
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of(url()));

        gateway.submit(List.of(new OutgoingSms(5, "+33700000001", MEMBER, "Bonjour")));

        Received request = single(received);
        assertThat(request.headers()).doesNotContainKey("Authorization");
        JsonNode body = JsonMapper.shared().readTree(request.body());
        assertThat(body.get("from").asString()).isEqualTo("+33700000001");
        assertThat(body.get("to").asString()).isEqualTo(MEMBER);
        assertThat(body.get("text").asString()).isEqualTo("Bonjour");
        assertThat(body.get("reference").asString()).isEqualTo("5");
    }

    @Test
    void busyAndGatewayErrorsAreRetriedAndOtherStatusesFailWithTheStatusAndTheBody() {
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of(url()));

        assertThat(outcomeFor(gateway, 429, "{\"error\":\"slow down\"}").outcome()).isEqualTo(Outcome.RETRY);
        assertThat(outcomeFor(gateway, 502, "").outcome()).isEqualTo(Outcome.RETRY);
        assertThat(outcomeFor(gateway, 503, "").outcome()).isEqualTo(Outcome.RETRY);
        assertThat(outcomeFor(gateway, 504, "").outcome()).isEqualTo(Outcome.RETRY);
        SmsSubmission invalid = outcomeFor(gateway, 400, "{\"error\":\"invalid msisdn\"}");
        SmsSubmission broken = outcomeFor(gateway, 500, "x".repeat(1_000));
        assertThat(invalid.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(invalid.reason()).isEqualTo("HTTP 400: {\"error\":\"invalid msisdn\"}");
        assertThat(outcomeFor(gateway, 401, "{}").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(broken.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(broken.reason()).hasSizeLessThan(220).startsWith("HTTP 500: xxx");
    }

    @Test
    void anAcceptedMessageWithoutAnIdInTheAnswerKeepsItsReferenceAsId() {
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of(url()));

        SmsSubmission outcome = outcomeFor(gateway, 202, "queued");

        assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(outcome.gatewayIds()).containsExactly("1");
    }

    @Test
    void aRequestLeftUnansweredPastTheTimeoutIsUncertain() {
        delayMillis = 1_500;
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of(url()).withTimeout(Duration.ofMillis(300)));

        long start = System.nanoTime();
        SmsSubmission outcome = single(gateway.submit(List.of(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"))));

        assertThat(outcome.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_200);
        assertThat(received).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of("http://127.0.0.1:" + closedPort + "/v1/sms"));

        SmsSubmission outcome = single(gateway.submit(List.of(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"))));

        assertThat(outcome.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(outcome.reason()).contains("refused");
    }

    @Test
    void aBatchGoesThroughSeveralRequestsAtOnceAndAnswersInItsOrder() {
        delayMillis = 100;
        answer = "{\"id\":\"same\"}";
        HttpSmsGateway gateway = new HttpSmsGateway(HttpSmsSettings.of(url()).withMaxPerSecond(0));
        List<OutgoingSms> batch = IntStream.range(0, 20)
                .mapToObj(i -> new OutgoingSms(i, "ClubNantes", MEMBER, "Message " + i)).toList();

        long start = System.nanoTime();
        List<SmsSubmission> outcomes = gateway.submit(batch);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(outcomes).hasSize(20).extracting(SmsSubmission::outcome).containsOnly(Outcome.ACCEPTED);
        assertThat(elapsed).as("20 requests of 100 ms, 10 at a time").isBetween(200L, 1_000L);
    }

    @Test
    void aTemplateThatIsNotJsonOnceFilledInIsRefusedAtStart() {
        assertThatThrownBy(() -> new HttpSmsGateway(HttpSmsSettings.of(url()).withBody("{\"text\":{{text}}}", "/id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body-template");
    }

    private SmsSubmission outcomeFor(HttpSmsGateway gateway, int status, String answer) {
        this.status = status;
        this.answer = answer;
        return single(gateway.submit(List.of(new OutgoingSms(1, "ClubNantes", MEMBER, "Bonjour"))));
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
