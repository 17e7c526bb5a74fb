package io.portevoix.delivery.adapter.imap;

import io.portevoix.delivery.application.port.BounceMailbox.Kind;
import io.portevoix.delivery.application.port.BounceMailbox.Mail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a mail of the bounce box is. A {@code multipart/report} is read by the standard: its
 * {@code message/delivery-status} part (RFC 3464, parsed by Angus' {@link DeliveryStatus}) gives,
 * for the first recipient whose Action is {@code failed}, the Final-Recipient, the Status and the
 * Diagnostic-Code; its {@code message/feedback-report} part (RFC 5965) with Feedback-Type
 * {@code abuse} or {@code fraud} is a complaint; the quoted original ({@code message/rfc822} or
 * {@code text/rfc822-headers}) gives our Message-ID. A mail that is no report but comes from a
 * mailer daemon or says in its subject that delivery failed (Orange, Free, Yahoo and older Exchange
 * still send such plain-text bounces) is read from its text: the first SMTP status found, the
 * recipient it names, the Message-ID it quotes. Status 5.x.x is hard, except a full mailbox
 * (x.2.2) and a policy refusal (x.7.x, e.g. blocked as spam), which say nothing against the
 * address and are soft like every 4.x.x. Out-of-office replies, delay warnings and anything else
 * are {@link Kind#OTHER}. Public for the corpus test, which checks parsing and attribution together.
 */
public final class BounceParser {

    static {
        // Jakarta Mail looks its StreamProvider up through ServiceLoader for every header block it
        // parses unless this names it: measured 5 to 10 times slower per bounce without it
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ENHANCED = Pattern.compile("(?<![0-9.])([45])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9.])");
    private static final Pattern BASIC = Pattern.compile("(?<![0-9.])([45][0-9]{2})(?=[ :-])");
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern RECIPIENT_LINE = Pattern.compile("(?im)^\\s*(?:Final|Original)-Recipient:\\s*(?:rfc822;)?\\s*<?("
            + ADDRESS.pattern() + ")");
    private static final Pattern ANGLED = Pattern.compile("<(" + ADDRESS.pattern() + ")>");
    private static final Pattern DAEMON = Pattern.compile("(?i)mailer-daemon|postmaster|mail delivery (subsystem|system)"
            + "|microsoftexchange");
    private static final Pattern FAILURE_SUBJECT = Pattern.compile("(?i)undeliver|delivery status notification \\(failure\\)"
            + "|delivery (failure|failed|has failed|notification: delivery has failed)|failure notice|returned mail"
            + "|mail delivery failed|non remis|non distribu|[ée]chec de (la )?(remise|distribution)|impossible de (remettre|distribuer)"
            + "|could not be delivered|unzustellbar");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?i)out of (the )?office|automatic reply|auto(matic)?[- ]?reply"
            + "|r[ée]ponse automatique|absence|absent du bureau|abwesenheit|autoreply");
    private static final Pattern FULL = Pattern.compile("(?i)mailbox (is )?full|over ?quota|quota (exceeded|d[ée]pass)|bo[iî]te (aux lettres )?"
            + "(est )?pleine|insufficient storage|storage (space|limit)");
    private static final Pattern PERMANENT = Pattern.compile("(?i)permanent|does not exist|doesn't exist|n'existe pas|user unknown"
            + "|unknown user|no such user|inconnu|invalid recipient|disabled|d[ée]sactiv|not found|introuvable");
    private static final List<String> ENVELOPE_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To",
            "X-Envelope-To", "X-Rcpt-To");

    private BounceParser() {
    }

    public static Mail parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        String reportId = Optional.ofNullable(mail.getMessageID()).map(String::strip).filter(s -> !s.isEmpty())
                .orElseGet(() -> "sha256:" + digest(raw));
        Set<String> sentTo = new LinkedHashSet<>();
        for (String header : ENVELOPE_HEADERS) {
            addresses(mail.getHeader(header), sentTo);
        }
        ContentType type = new ContentType(mail.getContentType());
        if (type.match("multipart/report")) {
            return report(reportId, mail, sentTo);
        }
        String subject = Optional.ofNullable(mail.getSubject()).orElse("");
        String from = String.join(" ", Optional.ofNullable(mail.getHeader("From")).orElse(new String[0]));
        boolean failure = FAILURE_SUBJECT.matcher(subject).find() || DAEMON.matcher(from).find();
        if (!failure || autoReply(mail, subject)) {
            return new Mail(reportId, Kind.OTHER, "", "", null, List.copyOf(sentTo));
        }
        return plainText(reportId, mail, subject, from, sentTo);
    }

    private static Mail report(String reportId, MimeMessage mail, Set<String> sentTo) throws MessagingException, IOException {
        Kind kind = Kind.OTHER;
        String recipient = "";
        String reason = "";
        String originalTo = "";
        String originalMessageId = null;
        StringBuilder text = new StringBuilder();
        for (Part part : leaves(mail)) {
            ContentType type = new ContentType(part.getContentType());
            if (type.match("message/delivery-status") || type.match("message/global-delivery-status")) {
                DeliveryStatus status = new DeliveryStatus(part.getInputStream());
                for (int i = 0; i < status.getRecipientDSNCount() && kind == Kind.OTHER; i++) {
                    InternetHeaders r = status.getRecipientDSN(i);
                    if (!"failed".equalsIgnoreCase(field(r, "Action"))) {
                        continue;
                    }
                    String code = field(r, "Status");
                    String diagnostic = field(r, "Diagnostic-Code").replaceFirst("(?i)^(smtp|x-[a-z-]+)\\s*;\\s*", "");
                    recipient = typedAddress(field(r, "Final-Recipient"));
                    if (recipient.isEmpty()) {
                        recipient = typedAddress(field(r, "Original-Recipient"));
                    }
                    reason = diagnostic.isEmpty() ? code : diagnostic;
                    kind = kindOf(code, diagnostic);
                }
            } else if (type.match("message/feedback-report")) {
                InternetHeaders feedback = new InternetHeaders(part.getInputStream());
                String feedbackType = field(feedback, "Feedback-Type").toLowerCase(Locale.ROOT);
                if (feedbackType.equals("abuse") || feedbackType.equals("fraud")) {
                    kind = Kind.COMPLAINT;
                    recipient = typedAddress(field(feedback, "Original-Rcpt-To"));
                    if (recipient.isEmpty()) {
                        recipient = typedAddress(field(feedback, "Removal-Recipient"));
                    }
                    String agent = field(feedback, "User-Agent");
                    reason = "Feedback-Type: " + feedbackType + (agent.isEmpty() ? "" : " (" + agent + ")");
                }
            } else if (type.match("message/rfc822") || type.match("text/rfc822-headers")) {
                InternetHeaders original = new InternetHeaders(part.getInputStream());
                originalMessageId = Optional.ofNullable(original.getHeader("Message-ID", null)).map(String::strip)
                        .orElse(originalMessageId);
                addresses(original.getHeader("Return-Path"), sentTo);
                originalTo = Optional.ofNullable(original.getHeader("To", ",")).orElse("");
            } else if (type.match("text/plain")) {
                text.append(content(part)).append('\n');
            }
        }
        if (kind == Kind.COMPLAINT && recipient.isEmpty()) {
            recipient = firstAddress(originalTo).orElse("");
        }
        if (originalMessageId == null) {
            originalMessageId = quotedMessageId(text);
        }
        return new Mail(reportId, kind, recipient.toLowerCase(Locale.ROOT), reason, originalMessageId, List.copyOf(sentTo));
    }

    private static Mail plainText(String reportId, MimeMessage mail, String subject, String from, Set<String> sentTo)
            throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        String originalMessageId = null;
        for (Part part : leaves(mail)) {
            ContentType type = new ContentType(part.getContentType());
            if (type.match("message/rfc822") || type.match("text/rfc822-headers")) {
                InternetHeaders original = new InternetHeaders(part.getInputStream());
                originalMessageId = original.getHeader("Message-ID", null);
                addresses(original.getHeader("Return-Path"), sentTo);
            } else if (type.match("text/plain")) {
                text.append(content(part)).append('\n');
            }
        }
        String body = text.toString();
        if (originalMessageId == null) {
            originalMessageId = quotedMessageId(text);
        }
        Matcher enhanced = ENHANCED.matcher(body);
        Matcher basic = BASIC.matcher(body);
        String code;
        int at;
        if (enhanced.find()) {
            code = enhanced.group();
            at = enhanced.start();
        } else if (basic.find()) {
            code = basic.group(1);
            at = basic.start();
        } else {
            code = "";
            at = -1;
        }
        String reason = at < 0 ? firstLineMatching(body, PERMANENT).orElse(subject.strip()) : lineAt(body, at);
        Kind kind = code.isEmpty() ? (FULL.matcher(body).find() ? Kind.SOFT : Kind.HARD) : kindOf(code, body);
        return new Mail(reportId, kind, recipientIn(body, from, sentTo).toLowerCase(Locale.ROOT), reason,
                originalMessageId == null ? null : originalMessageId.strip(), List.copyOf(sentTo));
    }

    /** An enhanced status (5.1.1) or a basic reply code (550): see the class comment. */
    static Kind kindOf(String code, String text) {
        if (code.isEmpty()) {
            return Kind.OTHER;
        }
        boolean permanent = code.startsWith("5");
        String[] parts = code.split("\\.");
        if (parts.length == 3 && ((parts[1].equals("2") && parts[2].equals("2")) || parts[1].equals("7"))) {
            return Kind.SOFT;
        }
        if (permanent && FULL.matcher(text).find()) {
            return Kind.SOFT;
        }
        return permanent ? Kind.HARD : Kind.SOFT;
    }

    private static boolean autoReply(MimeMessage mail, String subject) throws MessagingException {
        String auto = Optional.ofNullable(mail.getHeader("Auto-Submitted", null)).orElse("no").strip().toLowerCase(Locale.ROOT);
        String precedence = Optional.ofNullable(mail.getHeader("Precedence", null)).orElse("").toLowerCase(Locale.ROOT);
        return auto.startsWith("auto-replied") || mail.getHeader("X-Autoreply") != null || mail.getHeader("X-Autorespond") != null
                || precedence.contains("auto_reply") || AUTO_REPLY_SUBJECT.matcher(subject).find();
    }

    /** The recipient a plain-text bounce names: a Final-Recipient line, else the first {@code <address>}, else any address not of the sender. */
    private static String recipientIn(String body, String from, Set<String> sentTo) {
        Matcher line = RECIPIENT_LINE.matcher(body);
        if (line.find()) {
            return line.group(1);
        }
        List<String> candidates = new ArrayList<>();
        Matcher angled = ANGLED.matcher(body);
        while (angled.find()) {
            candidates.add(angled.group(1));
        }
        Matcher any = ADDRESS.matcher(body);
        while (any.find()) {
            candidates.add(any.group());
        }
        String sender = from.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(a -> !sender.contains(a.toLowerCase(Locale.ROOT)))
                .filter(a -> sentTo.stream().noneMatch(a::equalsIgnoreCase))
                .filter(a -> !DAEMON.matcher(a).find()).findFirst().orElse("");
    }

    private static @Nullable String quotedMessageId(CharSequence text) {
        Matcher m = QUOTED_MESSAGE_ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The line holding the status, with the indented lines that continue it (as Postfix folds a server's answer). */
    private static String lineAt(String body, int at) {
        int start = body.lastIndexOf('\n', at) + 1;
        int end = body.indexOf('\n', at);
        while (end >= 0 && end + 1 < body.length() && (body.charAt(end + 1) == ' ' || body.charAt(end + 1) == '\t')) {
            end = body.indexOf('\n', end + 1);
        }
        String line = body.substring(start, end < 0 ? body.length() : end).replaceAll("\\s+", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) : line;
    }

    private static Optional<String> firstLineMatching(String body, Pattern pattern) {
        return body.lines().map(String::strip).filter(l -> pattern.matcher(l).find()).findFirst();
    }

    /** Every leaf part, depth first (a quoted message/rfc822 is a leaf: its headers are read, not its body). */
    private static List<Part> leaves(Part part) throws MessagingException, IOException {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static String content(Part part) throws MessagingException, IOException {
        ContentType type = new ContentType(part.getContentType());
        String charset = Optional.ofNullable(type.getParameter("charset")).map(MimeUtility::javaCharset).orElse("UTF-8");
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            try {
                return new String(bytes, charset);
            } catch (java.io.UnsupportedEncodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return value == null ? "" : value.replaceAll("\\s+", " ").strip();
    }

    /** {@code rfc822; user@example.org} → {@code user@example.org}. */
    private static String typedAddress(String value) {
        int semicolon = value.indexOf(';');
        return firstAddress(semicolon < 0 ? value : value.substring(semicolon + 1)).orElse("");
    }

    private static Optional<String> firstAddress(String value) {
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static void addresses(String @Nullable [] values, Set<String> into) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            Matcher m = ADDRESS.matcher(value);
            while (m.find()) {
                into.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String digest(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
