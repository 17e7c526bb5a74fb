package io.portevoix.delivery.adapter.smpp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMPP 3.4 account at an operator or aggregator ({@code PORTEVOIX_SMPP_*}). An empty host
 * means no SMPP gateway: the bean is then not created.
 *
 * @param host                the SMSC's host; empty: no SMPP gateway
 * @param port                the SMSC's port (2775 by default)
 * @param systemId            the ESME's login ({@code system_id})
 * @param password            its password
 * @param systemType          {@code system_type} the operator may require, usually empty
 * @param window              submit_sm in flight at most, waiting for their answer (10)
 * @param maxPerSecond        submit_sm per second at most, each part counting (100); 0 = no limit
 * @param enquireLinkInterval how often the link is checked while idle (30 s)
 * @param reconnectDelay      the first wait before binding again after a failure (1 s); it doubles up to
 *                            {@code maxReconnectDelay}
 * @param maxReconnectDelay   the longest wait between two binding attempts (60 s)
 * @param submitTimeout       how long a submit_sm waits for its answer before its outcome is uncertain (10 s)
 * @param bindTimeout         how long the bind waits for its answer (10 s)
 */
@ConfigurationProperties("portevoix.sms.smpp")
public record SmppSettings(@DefaultValue("") String host, @DefaultValue("2775") int port,
        @DefaultValue("") String systemId, @DefaultValue("") String password, @DefaultValue("") String systemType,
        @DefaultValue("10") int window, @DefaultValue("100") int maxPerSecond,
        @DefaultValue("30s") Duration enquireLinkInterval, @DefaultValue("1s") Duration reconnectDelay,
        @DefaultValue("60s") Duration maxReconnectDelay, @DefaultValue("10s") Duration submitTimeout,
        @DefaultValue("10s") Duration bindTimeout) {

    public SmppSettings {
        host = host == null ? "" : host.strip();
        systemId = systemId == null ? "" : systemId.strip();
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType.strip();
        enquireLinkInterval = orDefault(enquireLinkInterval, Duration.ofSeconds(30));
        reconnectDelay = orDefault(reconnectDelay, Duration.ofSeconds(1));
        maxReconnectDelay = orDefault(maxReconnectDelay, Duration.ofSeconds(60));
        submitTimeout = orDefault(submitTimeout, Duration.ofSeconds(10));
        bindTimeout = orDefault(bindTimeout, Duration.ofSeconds(10));
        if (window < 1 || maxPerSecond < 0 || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("portevoix.sms.smpp: window must be at least 1, max-per-second at "
                    + "least 0 and port between 1 and 65535");
        }
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            maxReconnectDelay = reconnectDelay;
        }
    }

    /** Settings for a server at {@code host:port} with the defaults above (tests, benchmarks). */
    public static SmppSettings of(String host, int port, String systemId, String password) {
        return new SmppSettings(host, port, systemId, password, "", 10, 100, null, null, null, null, null);
    }

    public SmppSettings withWindow(int window) {
        return new SmppSettings(host, port, systemId, password, systemType, window, maxPerSecond, enquireLinkInterval,
                reconnectDelay, maxReconnectDelay, submitTimeout, bindTimeout);
    }

    public SmppSettings withMaxPerSecond(int maxPerSecond) {
        return new SmppSettings(host, port, systemId, password, systemType, window, maxPerSecond, enquireLinkInterval,
                reconnectDelay, maxReconnectDelay, submitTimeout, bindTimeout);
    }

    public SmppSettings withTimeouts(Duration submitTimeout, Duration reconnectDelay) {
        return new SmppSettings(host, port, systemId, password, systemType, window, maxPerSecond, enquireLinkInterval,
                reconnectDelay, maxReconnectDelay, submitTimeout, bindTimeout);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
