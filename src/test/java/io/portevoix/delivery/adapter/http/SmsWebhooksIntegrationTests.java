package io.portevoix.delivery.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsListener.ReceiptStatus;
import io.portevoix.support.PorteVoixTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The provider's callbacks through the whole application on a real port (security filters
 * included): the right secret hands receipts and replies to the gateway's listener, a wrong or
 * missing one is a 404 that hands nothing. The SMPP gateway is configured too (towards a closed
 * port), to prove both beans exist once their settings are present.
 */
@PorteVoixTest
@TestPropertySource(properties = {"portevoix.sms.http.url=http://127.0.0.1:9/sms",
        "portevoix.sms.http.webhook-secret=hook-secret-1", "portevoix.sms.smpp.host=127.0.0.1",
        "portevoix.sms.smpp.port=9", "portevoix.sms.smpp.reconnect-delay=5s"})
class SmsWebhooksIntegrationTests {

    @Autowired HttpSmsGateway gateway;
    @Autowired List<SmsGateway> gateways;
    @LocalServerPort int port;

    private final List<SmsListener.Receipt> receipts = new CopyOnWriteArrayList<>();
    private final List<SmsListener.Reply> replies = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void listen() {
        gateway.listen(new SmsListener() {
            @Override
            public void receipt(Receipt receipt) {
                receipts.add(receipt);
            }

            @Override
            public void reply(Reply reply) {
                replies.add(reply);
            }
        });
    }

    @Test
    void everyConfiguredGatewayIsABeanNamedForSelection() {
        assertThat(gateways).extracting(SmsGateway::name).contains("smpp", "http");
    }

    @Test
    void aReceiptWithTheRightSecretReachesTheListener() throws Exception {
        int status = post("/public/sms/http/receipts?secret=hook-secret-1",
                "{\"id\":\"abc-1\",\"status\":\"delivered\"}");

        assertThat(status).isEqualTo(204);
        assertThat(receipts).singleElement().satisfies(receipt -> {
            assertThat(receipt.gateway()).isEqualTo("http");
            assertThat(receipt.gatewayId()).isEqualTo("abc-1");
            assertThat(receipt.status()).isEqualTo(ReceiptStatus.DELIVERED);
        });
    }

    @Test
    void anArrayOfReceiptsIsTakenWhole() throws Exception {
        int status = post("/public/sms/http/receipts?secret=hook-secret-1",
                "[{\"id\":\"a\",\"status\":\"FAILED\",\"reason\":\"absent subscriber\"},{\"id\":\"b\",\"status\":\"EXPIRED\"}]");

        assertThat(status).isEqualTo(204);
        assertThat(receipts).extracting(SmsListener.Receipt::gatewayId).containsExactly("a", "b");
        assertThat(receipts).extracting(SmsListener.Receipt::status)
                .containsExactly(ReceiptStatus.FAILED, ReceiptStatus.EXPIRED);
        assertThat(receipts.getFirst().reason()).isEqualTo("absent subscriber");
    }

    @Test
    void aWrongOrMissingSecretIsNotFoundAndHandsNothing() throws Exception {
        String receipt = "{\"id\":\"abc-1\",\"status\":\"DELIVERED\"}";

        assertThat(post("/public/sms/http/receipts?secret=guess", receipt)).isEqualTo(404);
        assertThat(post("/public/sms/http/receipts", receipt)).isEqualTo(404);
        assertThat(post("/public/sms/http/replies?secret=hook-secret-2", "{\"from\":\"33612345678\",\"text\":\"x\"}"))
                .isEqualTo(404);
        assertThat(receipts).isEmpty();
        assertThat(replies).isEmpty();
    }

    @Test
    void aReceiptWithAnUnknownStatusIsABadRequestAndHandsNothing() throws Exception {
        int status = post("/public/sms/http/receipts?secret=hook-secret-1",
                "[{\"id\":\"a\",\"status\":\"DELIVERED\"},{\"id\":\"b\",\"status\":\"MAYBE\"}]");

        assertThat(status).isEqualTo(400);
        assertThat(receipts).isEmpty();
    }

    @Test
    void aReplyReachesTheListenerWithTheSenderInE164() throws Exception {
        int status = post("/public/sms/http/replies?secret=hook-secret-1",
                "{\"from\":\"33612345678\",\"to\":\"36180\",\"text\":\"STOP\"}");

        assertThat(status).isEqualTo(204);
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.from()).isEqualTo("+33612345678");
            assertThat(reply.to()).isEqualTo("36180");
            assertThat(reply.text()).isEqualTo("STOP");
        });
    }

    private int post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
