package io.portevoix.delivery.adapter.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A provider's HTTP JSON API ({@code PORTEVOIX_SMS_HTTP_*}). An empty URL means no HTTP gateway.
 *
 * @param url           where each SMS is POSTed; empty: no HTTP gateway
 * @param authHeader    the header carrying the credentials ({@code Authorization})
 * @param authValue     its value, e.g. {@code Bearer …} or {@code Basic …}; empty: no header
 * @param bodyTemplate  the JSON body, with {@code {{from}} {{to}} {{text}} {{reference}} {{parts}}}
 *                      replaced by the values escaped for a JSON string (write them inside quotes;
 *                      {@code {{parts}}} and {@code {{reference}}} are digits and may stand bare)
 * @param idPointer     the JSON pointer to the provider's message id in its answer ({@code /id})
 * @param timeout       how long a request may take, connecting included (10 s)
 * @param maxPerSecond  requests per second at most (20); 0 = no limit
 * @param concurrency   requests in flight at most (10)
 * @param webhookSecret the {@code secret} query parameter the provider's callbacks must carry; empty:
 *                      the callbacks are refused
 */
@ConfigurationProperties("portevoix.sms.http")
public record HttpSmsSettings(@DefaultValue("") String url, @DefaultValue("Authorization") String authHeader,
        @DefaultValue("") String authValue,
        @DefaultValue(DEFAULT_BODY) String bodyTemplate,
        @DefaultValue("/id") String idPointer, @DefaultValue("10s") Duration timeout,
        @DefaultValue("20") int maxPerSecond, @DefaultValue("10") int concurrency,
        @DefaultValue("") String webhookSecret) {

    /** The body most providers accept, give or take the field names. */
    public static final String DEFAULT_BODY =
            "{\"from\":\"{{from}}\",\"to\":\"{{to}}\",\"text\":\"{{text}}\",\"reference\":\"{{reference}}\"}";

    public HttpSmsSettings {
        url = url == null ? "" : url.strip();
        authHeader = authHeader == null || authHeader.isBlank() ? "Authorization" : authHeader.strip();
        authValue = authValue == null ? "" : authValue;
        bodyTemplate = bodyTemplate == null || bodyTemplate.isBlank() ? DEFAULT_BODY : bodyTemplate;
        idPointer = idPointer == null || idPointer.isBlank() ? "/id" : idPointer.strip();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(10) : timeout;
        webhookSecret = webhookSecret == null ? "" : webhookSecret.strip();
        if (maxPerSecond < 0 || concurrency < 1) {
            throw new IllegalArgumentException("portevoix.sms.http: max-per-second must be at least 0 and concurrency at least 1");
        }
    }

    /** Settings for {@code url} with the defaults above (tests). */
    public static HttpSmsSettings of(String url) {
        return new HttpSmsSettings(url, null, null, null, null, null, 20, 10, null);
    }

    public HttpSmsSettings withAuth(String header, String value) {
        return new HttpSmsSettings(url, header, value, bodyTemplate, idPointer, timeout, maxPerSecond, concurrency,
                webhookSecret);
    }

    public HttpSmsSettings withBody(String bodyTemplate, String idPointer) {
        return new HttpSmsSettings(url, authHeader, authValue, bodyTemplate, idPointer, timeout, maxPerSecond,
                concurrency, webhookSecret);
    }

    public HttpSmsSettings withTimeout(Duration timeout) {
        return new HttpSmsSettings(url, authHeader, authValue, bodyTemplate, idPointer, timeout, maxPerSecond,
                concurrency, webhookSecret);
    }

    public HttpSmsSettings withMaxPerSecond(int maxPerSecond) {
        return new HttpSmsSettings(url, authHeader, authValue, bodyTemplate, idPointer, timeout, maxPerSecond,
                concurrency, webhookSecret);
    }
}
