package io.portevoix.delivery.adapter.smtp;

import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.MailServer;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.OutgoingMail;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.config.DkimConfig;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends through SMTP servers, one Simple Java Mail connection pool per server (at most {@code
 * portevoix.delivery.smtp.connections} connections each), every socket with {@code TCP_NODELAY}
 * ({@link NoDelaySocketFactory}). A server whose settings change gets a new pool; the old one is
 * closed. The built-in server is {@code PORTEVOIX_SMTP_*}, else the demo sandbox.
 */
@Component
class SmtpMailTransport implements MailTransport, DisposableBean {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpMailTransport.class);

    /** How long a message waits for a free pooled connection before that counts as the server's fault. */
    static final int CLAIM_TIMEOUT_MS = 15_000;

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // jakarta.mail 2.1 looks its StreamProvider up through a ServiceLoader scan of every jar each time it encodes a
        // part, a quarter of the CPU of a send; naming the provider (Angus's) makes that a class lookup
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private record Pooled(MailServer server, Mailer mailer) {
    }

    private final @Nullable MailServer builtIn;
    private final int connections;
    private final Map<String, Pooled> pools = new ConcurrentHashMap<>();

    SmtpMailTransport(DeliverySettings settings, SandboxSmtpServer sandbox) {
        DeliverySettings.Smtp smtp = settings.smtp();
        this.connections = smtp.connections();
        if (!smtp.host().isEmpty()) {
            builtIn = new MailServer("builtin", smtp.host(), smtp.port(),
                    SmtpSecurity.valueOf(smtp.security().toUpperCase(java.util.Locale.ROOT)), smtp.user(), smtp.password());
        } else if (sandbox.running()) {
            builtIn = new MailServer("builtin", "127.0.0.1", sandbox.port(), SmtpSecurity.NONE, "", "");
        } else {
            builtIn = null;
        }
    }

    @Override
    public Optional<MailServer> builtIn() {
        return Optional.ofNullable(builtIn);
    }

    @Override
    public void send(MailServer server, OutgoingMail mail) {
        Email email = email(mail);
        Pooled pooled = pooled(server);
        try {
            pooled.mailer().sendMail(email);
        } catch (RuntimeException e) {
            if (mail.dkim() != null && dkimRefused(e)) {
                // the signer checks the key published in DNS as the data is written, before the server accepts it:
                // nothing was delivered, so the message leaves unsigned rather than not at all
                LOG.warn("DKIM signing for {} was refused ({}): sent unsigned", mail.dkim(), rootMessage(e));
                send(server, mail.signedWith(Optional.empty()));
                return;
            }
            MailTransportException failure = failure(server, e);
            if (failure.serverFault()) {
                retire(server, pooled);
            }
            throw failure;
        }
    }

    /**
     * A pool whose connection failed is replaced by a fresh one: the pool of Simple Java Mail 8
     * may leave waiting claims blocked once failed connections are invalidated (fixed upstream in
     * generic-object-pool 2.4.3, not served here). The old pool is closed a minute later, after the
     * messages it still carries; a claim that waits on it gives up after {@value #CLAIM_TIMEOUT_MS}
     * ms as a server fault (the message never reached the server, so it is tried again, never doubled).
     */
    private void retire(MailServer server, Pooled failed) {
        if (pools.remove(server.id(), failed)) {
            LOG.info("The connections to {}:{} failed: a fresh pool takes over", server.host(), server.port());
            CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(() -> failed.mailer().shutdownConnectionPool());
        }
    }

    private static boolean dkimRefused(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.simplejavamail.utils.mail.dkim.DkimSigningException
                    || t instanceof org.simplejavamail.utils.mail.dkim.DkimException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void test(MailServer server) {
        try {
            mailer(server).testConnection();
        } catch (RuntimeException e) {
            throw failure(server, e);
        }
    }

    private static Email email(OutgoingMail mail) {
        var email = EmailBuilder.startingBlank()
                .from(mail.fromName(), mail.from().value())
                .to(mail.to().value())
                .withSubject(mail.subject())
                .withPlainText(mail.text())
                .withHTMLText(mail.html());
        if (mail.messageId() != null) {
            email.fixingMessageId(mail.messageId());
        }
        if (mail.replyTo() != null) {
            email.withReplyTo(mail.replyTo().value());
        }
        if (mail.bounceTo() != null) {
            email.withBounceTo(mail.bounceTo().value());
        }
        mail.headers().forEach(email::withHeader);
        if (mail.dkim() != null) {
            email.signWithDomainKey(DkimConfig.builder().dkimPrivateKeyData(mail.dkim().privateKey())
                    .dkimSigningDomain(mail.dkim().domain()).dkimSelector(mail.dkim().selector()).build());
        }
        return email.buildEmail();
    }

    private Mailer mailer(MailServer server) {
        return pooled(server).mailer();
    }

    private Pooled pooled(MailServer server) {
        Pooled pooled = pools.get(server.id());
        if (pooled != null && pooled.server().equals(server)) {
            return pooled;
        }
        return pools.compute(server.id(), (id, old) -> {
            if (old != null && old.server().equals(server)) {
                return old;
            }
            if (old != null) {
                old.mailer().shutdownConnectionPool();
            }
            return new Pooled(server, build(server));
        });
    }

    private Mailer build(MailServer server) {
        return MailerBuilder
                .withSMTPServer(server.host(), server.port(), server.user().isEmpty() ? null : server.user(),
                        server.password().isEmpty() ? null : server.password())
                .withTransportStrategy(switch (server.security()) {
                    case TLS -> TransportStrategy.SMTPS;
                    case STARTTLS -> TransportStrategy.SMTP_TLS;
                    case NONE -> TransportStrategy.SMTP;
                })
                .withSessionTimeout(30_000)
                .withProperty("mail.smtp.socketFactory.class", NoDelaySocketFactory.class.getName())
                .withProperty("mail.smtps.socketFactory.class", NoDelaySocketFactory.class.getName())
                .withConnectionPoolCoreSize(0)
                .withConnectionPoolMaxSize(connections)
                .withConnectionPoolExpireAfterMillis(30_000)
                .withConnectionPoolClaimTimeoutMillis(CLAIM_TIMEOUT_MS)
                .buildMailer();
    }

    /**
     * What a refusal means: a 5xx for this message is permanent; no connection, a dropped one, 421
     * or a refused login is the server's fault (another server may take the message now).
     */
    private static MailTransportException failure(MailServer server, RuntimeException e) {
        Integer code = replyCode(e);
        boolean login = caused(e, jakarta.mail.AuthenticationFailedException.class);
        boolean permanent = code != null && code >= 500 && !login;
        // without a reply code the connection itself failed (or no pooled connection came): the server's fault
        boolean serverFault = login || code == null || code == 421;
        return new MailTransportException("The mail server " + server.host() + ":" + server.port() + " "
                + (code == null ? "could not be reached or failed" : "answered " + code) + ": " + rootMessage(e), e,
                permanent, serverFault);
    }

    /** The SMTP reply code of the failure, when the server gave one. */
    static @Nullable Integer replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof jakarta.mail.SendFailedException failed && failed.getNextException() != null
                    && failed.getNextException() != t) {
                Integer next = replyCode(failed.getNextException());
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }

    private static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void destroy() {
        pools.values().forEach(p -> p.mailer().shutdownConnectionPool());
        pools.clear();
    }
}
