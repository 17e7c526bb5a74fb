package io.portevoix.delivery.adapter.smtp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.portevoix.delivery.SandboxMessage;
import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.CapturedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.Recipient;
import org.simplejavamail.converter.EmailConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The demo's mail sandbox: an SMTP server on 127.0.0.1 that keeps every message in memory.
 * It runs only when {@code portevoix.delivery.sandbox.enabled} is set and no real server is.
 */
@Component
class SandboxSmtpServer implements CapturedMail, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSmtpServer.class);

    private final @Nullable GreenMail server;

    SandboxSmtpServer(DeliverySettings settings) {
        if (settings.sandbox().enabled() && settings.smtp().host().isEmpty()) {
            ServerSetup setup = new ServerSetup(settings.sandbox().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            server = new GreenMail(settings.sandbox().port() == 0 ? setup.dynamicPort() : setup);
            server.start();
            LOG.info("Mail sandbox listening on 127.0.0.1:{}", port());
        } else {
            server = null;
        }
    }

    int port() {
        return server == null ? -1 : server.getSmtp().getPort();
    }

    @Override
    public boolean running() {
        return server != null;
    }

    @Override
    public List<SandboxMessage> all() {
        if (server == null) {
            return List.of();
        }
        MimeMessage[] received = server.getReceivedMessages();
        List<SandboxMessage> messages = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            messages.add(toMessage(i + 1, received[i]));
        }
        return messages;
    }

    private static SandboxMessage toMessage(int id, MimeMessage mime) {
        Email email = EmailConverter.mimeMessageToEmail(mime);
        java.util.Date sent;
        try {
            sent = mime.getSentDate() != null ? mime.getSentDate() : mime.getReceivedDate();
        } catch (MessagingException e) {
            sent = null;
        }
        return new SandboxMessage(id, sent == null ? java.time.Instant.EPOCH : sent.toInstant(),
                email.getFromRecipient() == null ? "" : email.getFromRecipient().getAddress(),
                email.getRecipients().stream().map(Recipient::getAddress).toList(),
                email.getSubject() == null ? "" : email.getSubject(),
                email.getPlainText() == null ? "" : email.getPlainText(),
                email.getHTMLText() == null ? "" : email.getHTMLText(), headers(mime));
    }

    private static java.util.Map<String, String> headers(MimeMessage mime) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        try {
            for (var e = mime.getAllHeaders(); e.hasMoreElements(); ) {
                jakarta.mail.Header header = e.nextElement();
                headers.merge(header.getName(), header.getValue(), (a, b) -> a + "\n" + b);
            }
        } catch (MessagingException e) {
            LOG.debug("Headers of a captured message could not be read", e);
        }
        return headers;
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.stop();
        }
    }
}
