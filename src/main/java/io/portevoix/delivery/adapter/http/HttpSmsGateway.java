package io.portevoix.delivery.adapter.http;

import io.github.bucket4j.Bucket;
import io.portevoix.delivery.application.port.OutgoingSms;
import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.delivery.application.port.SmsListener;
import io.portevoix.delivery.application.port.SmsSubmission;
import io.portevoix.templates.SmsLength;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands SMS to a provider's HTTP JSON API: one POST per message, its body built from a configured
 * template, the provider's message id read from its answer by a JSON pointer. The provider splits
 * and encodes the text itself; {@code {{parts}}} tells it how many parts Porte-Voix counted.
 *
 * <p>Outcomes: 2xx is ACCEPTED with the provider's id (the message's {@code reference} when the
 * answer has none, so that its receipts must then carry the reference); 429, 502, 503, 504, a
 * refused or timed-out connection are RETRY; any other status is FAILED with the status and the
 * start of the body; a request sent but not answered within the timeout, or whose connection broke
 * meanwhile, is UNCERTAIN. Receipts and replies arrive on the webhooks of {@link SmsWebhookController}.
 */
@Component
@ConditionalOnExpression("!'${portevoix.sms.http.url:}'.isBlank()")
public class HttpSmsGateway implements SmsGateway {

    /** The name accounts select this gateway by. */
    public static final String NAME = "http";

    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(from|to|text|reference|parts)}}");
    private static final int EXCERPT = 200;

    private final HttpSmsSettings settings;
    private final URI url;
    private final JsonPointer idPointer;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final @Nullable Bucket rate;
    private final JsonMapper json = JsonMapper.shared();
    private volatile @Nullable SmsListener listener;

    public HttpSmsGateway(HttpSmsSettings settings) {
        if (settings.url().isEmpty()) {
            throw new IllegalArgumentException("portevoix.sms.http.url is not set");
        }
        this.settings = settings;
        this.url = URI.create(settings.url());
        this.idPointer = JsonPointer.compile(settings.idPointer());
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.inFlight = new Semaphore(settings.concurrency(), true);
        this.rate = settings.maxPerSecond() == 0 ? null : Bucket.builder()
                .addLimit(limit -> limit.capacity(Math.max(1, settings.maxPerSecond() / 10))
                        .refillGreedy(settings.maxPerSecond(), Duration.ofSeconds(1)))
                .build();
        String sample = body(new OutgoingSms(1, "Sender", "+33600000000", "\"quoted\" \\ text\n"));
        try {
            json.readTree(sample);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("portevoix.sms.http.body-template is not JSON once filled in: " + sample, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void listen(SmsListener listener) {
        this.listener = listener;
    }

    /** The listener the webhooks hand receipts and replies to, once the application listens. */
    @Nullable SmsListener listener() {
        return listener;
    }

    /** Whether {@code secret} is the configured webhook secret (compared in constant time); never when none is set. */
    boolean webhookSecretMatches(@Nullable String secret) {
        return !settings.webhookSecret().isEmpty() && secret != null && java.security.MessageDigest.isEqual(
                settings.webhookSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public List<SmsSubmission> submit(List<OutgoingSms> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Future<SmsSubmission>> futures = new ArrayList<>(batch.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OutgoingSms sms : batch) {
                futures.add(executor.submit(() -> submitOne(sms)));
            }
        }
        List<SmsSubmission> outcomes = new ArrayList<>(batch.size());
        for (Future<SmsSubmission> future : futures) {
            outcomes.add(future.state() == Future.State.SUCCESS ? future.resultNow()
                    : SmsSubmission.uncertain("The submission stopped unexpectedly: "
                            + (future.state() == Future.State.FAILED ? future.exceptionNow() : future.state())));
        }
        return outcomes;
    }

    private SmsSubmission submitOne(OutgoingSms sms) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(sms)));
        if (!settings.authValue().isEmpty()) {
            request.header(settings.authHeader(), settings.authValue());
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SmsSubmission.retry("Interrupted before sending");
        }
        try {
            if (rate != null) {
                rate.asBlocking().consume(1);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return outcome(sms, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SmsSubmission.uncertain("Interrupted while waiting for the provider");
        } catch (HttpConnectTimeoutException e) {
            return SmsSubmission.retry("The provider could not be reached within " + settings.timeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return SmsSubmission.uncertain("No answer from the provider within " + settings.timeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return SmsSubmission.retry("The provider refused the connection: " + e.getMessage());
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException) {
                return SmsSubmission.retry("The provider's host is unknown: " + url.getHost());
            }
            return SmsSubmission.uncertain("The connection broke before the provider answered: " + e);
        } finally {
            inFlight.release();
        }
    }

    private SmsSubmission outcome(OutgoingSms sms, int status, String body) {
        if (status >= 200 && status < 300) {
            String id = id(body);
            LOG.debug("SMS {} accepted by the provider as {}", sms.reference(), id);
            return SmsSubmission.accepted(List.of(id == null ? Long.toString(sms.reference()) : id));
        }
        String reason = "HTTP " + status + ": " + excerpt(body);
        return TRANSIENT.contains(status) ? SmsSubmission.retry(reason) : SmsSubmission.failed(reason);
    }

    private @Nullable String id(String body) {
        try {
            JsonNode id = json.readTree(body).at(idPointer);
            return id.isMissingNode() || id.isNull() || !id.isValueNode() || id.asString().isBlank() ? null
                    : id.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }

    /** The template with every placeholder replaced by its value escaped for a JSON string. */
    String body(OutgoingSms sms) {
        Map<String, String> values = Map.of("from", sms.sender(), "to", sms.to(), "text", sms.text(),
                "reference", Long.toString(sms.reference()), "parts", Integer.toString(SmsLength.parts(sms.text())));
        Matcher matcher = PLACEHOLDER.matcher(settings.bodyTemplate());
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(body, Matcher.quoteReplacement(escaped(values.get(matcher.group(1)))));
        }
        matcher.appendTail(body);
        return body.toString();
    }

    private String escaped(String value) {
        String quoted = json.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}
