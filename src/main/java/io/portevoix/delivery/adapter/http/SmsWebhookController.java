package io.portevoix.delivery.adapter.http;

import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsListener.ReceiptStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's callbacks, the inbound half of the HTTP gateway. {@code POST
 * /public/sms/http/receipts?secret=…} takes {@code {"id","status","reason"}} or an array of them
 * (status DELIVERED, FAILED or EXPIRED; {@code id} is the id the provider answered the submit with);
 * {@code POST /public/sms/http/replies?secret=…} takes {@code {"from","to","text"}}. A wrong or
 * missing secret is a 404, as if nothing were there; a malformed body a 400 naming what is wrong;
 * 503 until the application listens, so that the provider calls again later.
 */
@RestController
@ConditionalOnExpression("!'${portevoix.sms.http.url:}'.isBlank()")
class SmsWebhookController {

    private final HttpSmsGateway gateway;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.shared();

    SmsWebhookController(HttpSmsGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @PostMapping(path = "/public/sms/http/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receipts(@RequestParam(name = "secret", required = false) @Nullable String secret, @RequestBody String body) {
        if (!gateway.webhookSecretMatches(secret)) {
            return ResponseEntity.notFound().build();
        }
        List<SmsListener.Receipt> receipts = new ArrayList<>();
        try {
            JsonNode root = json.readTree(body);
            for (JsonNode node : root.isArray() ? root.values() : List.of(root)) {
                String id = text(node, "id");
                String status = text(node, "status").toUpperCase(Locale.ROOT);
                if (id.isEmpty() || !List.of("DELIVERED", "FAILED", "EXPIRED").contains(status)) {
                    return badRequest("Each receipt needs an id and a status DELIVERED, FAILED or EXPIRED");
                }
                receipts.add(new SmsListener.Receipt(HttpSmsGateway.NAME, id, ReceiptStatus.valueOf(status),
                        text(node, "reason"), clock.instant()));
            }
        } catch (JacksonException e) {
            return badRequest("The body is not JSON");
        }
        SmsListener listener = gateway.listener();
        if (listener == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        receipts.forEach(listener::receipt);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/public/sms/http/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> replies(@RequestParam(name = "secret", required = false) @Nullable String secret, @RequestBody String body) {
        if (!gateway.webhookSecretMatches(secret)) {
            return ResponseEntity.notFound().build();
        }
        SmsListener.Reply reply;
        try {
            JsonNode node = json.readTree(body);
            String from = text(node, "from");
            if (from.isEmpty()) {
                return badRequest("A reply needs a from");
            }
            reply = new SmsListener.Reply(HttpSmsGateway.NAME, e164(from), e164(text(node, "to")), text(node, "text"),
                    clock.instant());
        } catch (JacksonException e) {
            return badRequest("The body is not JSON");
        }
        SmsListener listener = gateway.listener();
        if (listener == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        listener.reply(reply);
        return ResponseEntity.noContent().build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asString().strip();
    }

    /** An international number without its '+' (as many providers send it) gains it; a short code stays. */
    private static String e164(String number) {
        return number.matches("00[1-9][0-9]{6,14}") ? "+" + number.substring(2)
                : number.matches("[1-9][0-9]{7,14}") ? "+" + number : number;
    }

    private static ResponseEntity<String> badRequest(String message) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
