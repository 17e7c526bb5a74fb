package io.portevoix.delivery.adapter.web;

import io.portevoix.delivery.BounceReports;
import io.portevoix.delivery.BounceType;
import io.portevoix.delivery.ReportedBounce;
import io.portevoix.shared.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /public/bounces?secret=…}: a sending provider's bounces and complaints, one
 * {@code {"email","type":"hard|soft|complaint","reason","messageId","id"}} or an array of them;
 * {@code messageId} is the Message-ID of our message (the provider saw it), {@code id} the
 * provider's own id of the report (optional: the same report sent twice then counts once). The
 * secret is installation-wide ({@code PORTEVOIX_BOUNCE_WEBHOOK_SECRET}), like the SMS gateways'
 * callbacks: a provider integration is set up once for the platform, not per account, and the
 * message names its account. A wrong or missing secret (or none configured) is a 404, as if
 * nothing were there; a malformed body a 400 problem naming what is wrong, and then nothing of it
 * is kept. A valid report answers 202: it is applied within a second; one whose messageId is not
 * ours or names no message is ignored, and says so only in the answer's {@code ignored} count
 * (a provider would only retry a 404 for ever).
 */
@RestController
class BounceWebhookController {

    private final BounceReports bounces;
    private final byte[] secret;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.shared();

    BounceWebhookController(BounceReports bounces,
            @Value("${portevoix.delivery.bounces.webhook-secret:}") String secret, Clock clock) {
        this.bounces = bounces;
        this.secret = secret.strip().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @PostMapping(path = "/public/bounces", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> bounces(@RequestParam(name = "secret", required = false) @Nullable String given,
            @RequestBody String body) {
        if (secret.length == 0 || given == null
                || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.notFound().build();
        }
        List<ReportedBounce> reports = new ArrayList<>();
        try {
            JsonNode root = json.readTree(body);
            List<JsonNode> nodes = root.isArray() ? List.copyOf(root.values()) : List.of(root);
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode node = nodes.get(i);
                String where = root.isArray() ? "[" + i + "]." : "";
                if (!node.isObject()) {
                    return invalid("Each report is an object {\"email\",\"type\",\"reason\",\"messageId\"}");
                }
                String email = text(node, "email");
                if (!EmailAddress.isValid(email)) {
                    return invalid(where + "email must be the e-mail address that bounced");
                }
                String type = text(node, "type").toUpperCase(Locale.ROOT);
                if (!List.of("HARD", "SOFT", "COMPLAINT").contains(type)) {
                    return invalid(where + "type must be hard, soft or complaint");
                }
                String messageId = text(node, "messageId");
                if (messageId.isEmpty()) {
                    return invalid(where + "messageId must be the Message-ID of the message that bounced");
                }
                reports.add(new ReportedBounce(email, BounceType.valueOf(type), text(node, "reason"), messageId,
                        text(node, "id"), clock.instant()));
            }
        } catch (JacksonException e) {
            return invalid("The body is not JSON");
        }
        long ignored = reports.stream().filter(r -> !bounces.report(r)).count();
        return ResponseEntity.accepted().body(java.util.Map.of("accepted", reports.size() - ignored, "ignored", ignored));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asString().strip();
    }

    private static ResponseEntity<ProblemDetail> invalid(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(java.net.URI.create("https://porte-voix.io/problems/invalid-bounce"));
        problem.setTitle("Invalid bounce report");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
