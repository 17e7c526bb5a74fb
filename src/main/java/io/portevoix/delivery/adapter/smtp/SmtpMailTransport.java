package io.portevoix.delivery.adapter.smtp;

import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.DkimSigning;
import io.portevoix.delivery.application.port.MailServer;
import io.portevoix.delivery.application.port.MailTransport;
import io.portevoix.delivery.application.port.OutgoingMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.DkimSigningException;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends through SMTP servers: per server a Jakarta Mail session configured by Simple Java Mail
 * (transport strategy, TLS, login, timeouts) with {@code TCP_NODELAY} on every socket
 * ({@link NoDelaySocketFactory}), and at most {@code portevoix.delivery.smtp.connections} open
 * connections ({@link SmtpConnections}). Each message is built once as MIME ({@link MimeMail}),
 * DKIM-signed when the From domain has a key, before a connection is claimed, so a connection only
 * carries data. A server whose settings change gets new connections; the old ones are closed. The
 * built-in server is {@code PORTEVOIX_SMTP_*}, else the demo sandbox.
 */
@Component
class SmtpMailTransport implements MailTransport, DisposableBean {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpMailTransport.class);

    /** How long a message waits for a free connection before that counts as the server's fault. */
    static final int CLAIM_TIMEOUT_MS = 15_000;

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // jakarta.mail 2.1 looks its StreamProvider up through a ServiceLoader scan of every jar each time it encodes a
        // part, a quarter of the CPU of a send; naming the provider (Angus's) makes that a class lookup
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private record Pooled(MailServer server, SmtpConnections connections) {
    }

    private final @Nullable MailServer builtIn;
    private final int connections;
    private final Map<String, Pooled> pools = new ConcurrentHashMap<>();
    /** The DKIM keys, parsed once. */
    private final Map<DkimSigning, RSAPrivateKey> keys = new ConcurrentHashMap<>();

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
        SmtpConnections pool = pooled(server).connections();
        MimeMessage message;
        Address[] to;
        try {
            message = MimeMail.of(pool.session(), mail);
            if (mail.dkim() != null) {
                message = signed(message, mail);
            }
            to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
        } catch (MessagingException | RuntimeException e) {
            // not the server's doing, nor a refusal: tried again later, failed after the last attempt
            throw new MailTransportException("The message could not be built: " + rootMessage(e), e, false, false);
        }
        Transport transport = null;
        boolean reusable = false;
        try {
            transport = pool.claim();
            transport.sendMessage(message, to);
            reusable = true;
        } catch (MessagingException | RuntimeException e) {
            if (mail.dkim() != null && dkimRefused(e)) {
                // the signer checks the key published in DNS as the data is written, before the server accepts it:
                // nothing was delivered, so the message leaves unsigned rather than not at all
                LOG.warn("DKIM signing for {} was refused ({}): sent unsigned", mail.dkim(), rootMessage(e));
                release(pool, transport, false);
                transport = null;
                send(server, mail.signedWith(Optional.empty()));
                return;
            }
            MailTransportException failure = failure(server, e);
            if (failure.serverFault()) {
                pool.closeIdle();
            }
            throw failure;
        } finally {
            release(pool, transport, reusable);
        }
    }

    private static void release(SmtpConnections pool, @Nullable Transport transport, boolean reusable) {
        if (transport != null) {
            pool.release(transport, reusable);
        }
    }

    /** The message with a DKIM-Signature (relaxed/relaxed, rsa-sha256, the From address as identity) added as it is written. */
    private MimeMessage signed(MimeMessage message, OutgoingMail mail) throws MessagingException {
        DkimSigning dkim = java.util.Objects.requireNonNull(mail.dkim());
        DkimSigner signer = new DkimSigner(dkim.domain(), dkim.selector(), keys.computeIfAbsent(dkim, SmtpMailTransport::key));
        signer.setIdentity(mail.from().value());
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setLengthParam(false);
        signer.setZParam(false);
        DkimMessage signed = new DkimMessage(message, signer);
        if (mail.bounceTo() != null) {
            signed.setEnvelopeFrom(mail.bounceTo().value());
        }
        return signed;
    }

    private static RSAPrivateKey key(DkimSigning dkim) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(dkim.privateKey()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("The DKIM key of " + dkim.domain() + " cannot be read", e);
        }
    }

    private static boolean dkimRefused(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DkimSigningException || t instanceof DkimException) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t
                    && dkimRefused(m.getNextException())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void test(MailServer server) {
        try {
            Transport transport = session(server).getTransport();
            transport.connect();
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            throw failure(server, e);
        }
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
                old.connections().close();
            }
            return new Pooled(server, new SmtpConnections(session(server), connections, CLAIM_TIMEOUT_MS));
        });
    }

    /**
     * The server's session as Simple Java Mail configures it for the transport strategy, with
     * TCP_NODELAY sockets and the write timeouts of {@link WriteTimeouts}.
     */
    static Session session(MailServer server) {
        Session made = MailerBuilder
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
                .buildMailer()
                .getSession();
        // the 30-second write timeout, kept on a coarse clock instead of a thread woken at every write
        made.getProperties().put("mail.smtp.executor.writetimeout", WriteTimeouts.SHARED);
        made.getProperties().put("mail.smtps.executor.writetimeout", WriteTimeouts.SHARED);
        return made;
    }

    /**
     * What a refusal means: a 5xx for this message is permanent; no connection, a dropped one, 421
     * or a refused login is the server's fault (another server may take the message now).
     */
    private static MailTransportException failure(MailServer server, Exception e) {
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
        pools.values().forEach(p -> p.connections().close());
        pools.clear();
    }
}
