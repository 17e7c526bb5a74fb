package io.portevoix.delivery.adapter.imap;

import io.portevoix.delivery.application.DeliverySettings;
import io.portevoix.delivery.application.port.BounceMailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the INBOX of the bounce mailbox ({@code PORTEVOIX_BOUNCE_IMAP_*}): one connection per poll,
 * unseen mails oldest first; a mail delivery took is deleted (expunged when the folder closes), one
 * it did not want is flagged and stays seen, one it failed on goes back to unseen.
 */
@Component
class ImapBounceMailbox implements BounceMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(ImapBounceMailbox.class);

    private final DeliverySettings.Bounces settings;

    ImapBounceMailbox(DeliverySettings settings) {
        this.settings = settings.bounces();
    }

    @Override
    public boolean configured() {
        return settings.polled();
    }

    @Override
    public int read(int limit, Predicate<Mail> handler) {
        if (!configured()) {
            return 0;
        }
        Session session = Session.getInstance(properties());
        String protocol = "tls".equals(settings.imapSecurity()) ? "imaps" : "imap";
        int read = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < unseen.length && read < limit; i++) {
                    handle(unseen[i], handler);
                    read++;
                }
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("The bounce mailbox " + settings.imapUser() + "@" + settings.imapHost()
                    + " could not be read: " + e.getMessage(), e);
        }
        return read;
    }

    private static void handle(Message message, Predicate<Mail> handler) throws MessagingException {
        Mail mail;
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            mail = BounceParser.parse(raw.toByteArray());
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            LOG.warn("A mail of the bounce mailbox could not be parsed; it is left flagged for a person", unreadable);
            message.setFlags(new Flags(Flags.Flag.SEEN), true);
            message.setFlag(Flags.Flag.FLAGGED, true);
            return;
        }
        try {
            if (handler.test(mail)) {
                message.setFlag(Flags.Flag.DELETED, true);
            } else {
                message.setFlags(new Flags(Flags.Flag.SEEN), true);
                message.setFlag(Flags.Flag.FLAGGED, true);
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail {} of the bounce mailbox could not be kept; it is read again at the next poll", mail.reportId(), e);
            message.setFlag(Flags.Flag.SEEN, false);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String protocol = "tls".equals(settings.imapSecurity()) ? "imaps" : "imap";
        p.put("mail." + protocol + ".connectiontimeout", "30000");
        p.put("mail." + protocol + ".timeout", "60000");
        if ("starttls".equals(settings.imapSecurity())) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        return p;
    }
}
