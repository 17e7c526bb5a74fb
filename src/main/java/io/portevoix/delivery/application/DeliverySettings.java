package io.portevoix.delivery.application;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery's configuration: the SMTP server ({@code PORTEVOIX_SMTP_*}), the default sender
 * ({@code PORTEVOIX_MAIL_FROM}), the public URL written into links, the demo sandbox, and
 * {@code retryBase}, the first back-off after a temporary failure (30 s; it doubles at each
 * attempt; tests shorten it so that retries do not make them wait minutes), and {@code secret}
 * ({@code PORTEVOIX_SECRET}), the key material of encrypted settings, {@code spfInclude}
 * ({@code PORTEVOIX_SPF_INCLUDE}), the domain whose SPF record lists the platform's servers, which
 * sending domains include in theirs (empty: they name the SMTP server, or the public host, directly),
 * and the bounce mailbox.
 */
@ConfigurationProperties("portevoix.delivery")
public record DeliverySettings(String publicUrl, String mailFrom, Smtp smtp, Sandbox sandbox, Duration retryBase, Sms sms,
        String secret, String spfInclude, Bounces bounces) {

    public DeliverySettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        mailFrom = mailFrom == null ? "" : mailFrom.strip();
        smtp = smtp == null ? new Smtp("", 25, "", "", "none", 0, 0) : smtp;
        sandbox = sandbox == null ? new Sandbox(false, 2525) : sandbox;
        retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
        sms = sms == null ? new Sms("", "", 3) : sms;
        secret = secret == null ? "" : secret;
        spfInclude = spfInclude == null ? "" : spfInclude.strip();
        bounces = bounces == null ? new Bounces("", "", 993, "", "", "tls", "") : bounces;
        if (retryBase.isNegative() || retryBase.isZero()) {
            throw new IllegalArgumentException("portevoix.delivery.retry-base must be positive");
        }
    }

    /**
     * The built-in outgoing mail server (an empty host means none is configured), used when no
     * server is configured in the platform administration; {@code connections}: the most pooled
     * connections to each server (4 by default); {@code parallelism}: how many messages of one batch
     * are handed over at once (8 by default).
     */
    public record Smtp(String host, int port, String user, String password, String security, int connections,
            int parallelism) {

        public Smtp {
            host = host == null ? "" : host.strip();
            user = user == null ? "" : user.strip();
            password = password == null ? "" : password;
            security = security == null || security.isBlank() ? "none" : security.strip().toLowerCase(java.util.Locale.ROOT);
            if (!java.util.Set.of("none", "starttls", "tls").contains(security)) {
                throw new IllegalArgumentException("PORTEVOIX_SMTP_SECURITY must be none, starttls or tls");
            }
            connections = connections <= 0 ? 4 : connections;
            parallelism = parallelism <= 0 ? 8 : parallelism;
        }
    }

    /**
     * SMS: the gateway used when an account chooses none ({@code PORTEVOIX_SMS_GATEWAY}: smpp, http or
     * sandbox; empty: the first configured one), the shared sending number ({@code PORTEVOIX_SMS_SENDER},
     * E.164) used when a campaign has no approved sender ID, and the most parts a message may have.
     */
    public record Sms(String gateway, String sender, int maxParts) {

        public Sms {
            gateway = gateway == null ? "" : gateway.strip().toLowerCase(java.util.Locale.ROOT);
            sender = sender == null || sender.isBlank() ? "+33700000000" : sender.strip();
            maxParts = maxParts <= 0 ? 3 : maxParts;
            if (maxParts > 10) {
                throw new IllegalArgumentException("portevoix.delivery.sms.max-parts is at most 10");
            }
        }
    }

    /**
     * Where bounces come back: {@code address} ({@code PORTEVOIX_BOUNCE_ADDRESS}, e.g.
     * {@code bounces@bounce.example.org}) is the envelope sender of campaign e-mails, tagged per
     * message ({@code bounces+m<id>-<mac>@…}, VERP) and also the mailto target of
     * {@code List-Unsubscribe} ({@code bounces+u<id>-<mac>@…}): its server must deliver
     * {@code +tag} sub-addresses to the same mailbox. That mailbox is read over IMAP
     * ({@code PORTEVOIX_BOUNCE_IMAP_HOST/PORT/USER/PASSWORD/SECURITY}, security none, starttls or
     * tls); an empty host means nothing is polled. {@code webhookSecret}
     * ({@code PORTEVOIX_BOUNCE_WEBHOOK_SECRET}) guards {@code POST /public/bounces}; empty: no webhook.
     */
    public record Bounces(String address, String imapHost, int imapPort, String imapUser, String imapPassword,
            String imapSecurity, String webhookSecret) {

        public Bounces {
            webhookSecret = webhookSecret == null ? "" : webhookSecret.strip();
            address = address == null ? "" : address.strip();
            imapHost = imapHost == null ? "" : imapHost.strip();
            imapUser = imapUser == null ? "" : imapUser.strip();
            imapPassword = imapPassword == null ? "" : imapPassword;
            imapSecurity = imapSecurity == null || imapSecurity.isBlank() ? "tls"
                    : imapSecurity.strip().toLowerCase(java.util.Locale.ROOT);
            if (!java.util.Set.of("none", "starttls", "tls").contains(imapSecurity)) {
                throw new IllegalArgumentException("PORTEVOIX_BOUNCE_IMAP_SECURITY must be none, starttls or tls");
            }
            if (!address.isEmpty() && !io.portevoix.shared.EmailAddress.isValid(address)) {
                throw new IllegalArgumentException("PORTEVOIX_BOUNCE_ADDRESS is not an e-mail address: " + address);
            }
            imapPort = imapPort <= 0 ? ("tls".equals(imapSecurity) ? 993 : 143) : imapPort;
        }

        public boolean polled() {
            return !imapHost.isEmpty();
        }
    }

    /** The embedded SMTP server of the demo; port 0 picks a free port (tests). */
    public record Sandbox(boolean enabled, int port) {
    }

    /**
     * The SPF mechanism that lets the platform's servers send for a domain: {@code include:<spfInclude>},
     * else {@code a:<SMTP host>}, else {@code a:<public host>}.
     */
    public String spfMechanism() {
        if (!spfInclude.isEmpty()) {
            return "include:" + spfInclude;
        }
        String host = smtp.host().isEmpty() ? URI.create(publicUrl).getHost() : smtp.host();
        return "a:" + (host == null ? "localhost" : host);
    }

    /** {@code PORTEVOIX_MAIL_FROM}, else {@code noreply@<host of the public URL>}. */
    public String defaultSender() {
        if (!mailFrom.isEmpty()) {
            return mailFrom;
        }
        String host = URI.create(publicUrl).getHost();
        return "noreply@" + (host == null || !host.contains(".") ? "localhost.localdomain" : host);
    }

    /**
     * What encrypts stored secrets (SMTP passwords, DKIM keys); empty when {@code PORTEVOIX_SECRET}
     * has fewer than 32 characters, and then such settings cannot be saved.
     */
    public java.util.Optional<io.portevoix.delivery.domain.SecretBox> secretBox() {
        return secret.length() < 32 ? java.util.Optional.empty()
                : java.util.Optional.of(new io.portevoix.delivery.domain.SecretBox(secret));
    }

    /**
     * The signed per-message sub-addresses of the bounce address; empty when
     * {@code PORTEVOIX_BOUNCE_ADDRESS} is not set or {@code PORTEVOIX_SECRET} has fewer than 32
     * characters (then mails keep their From as envelope sender and bounces are attributed by the
     * Message-ID they quote).
     */
    public java.util.Optional<io.portevoix.delivery.domain.BounceTags> bounceTags() {
        return bounces.address().isEmpty() || secret.length() < 32 ? java.util.Optional.empty()
                : java.util.Optional.of(new io.portevoix.delivery.domain.BounceTags(bounces.address(), secret));
    }
}
