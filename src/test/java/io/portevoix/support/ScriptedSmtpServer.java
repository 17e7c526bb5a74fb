package io.portevoix.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP server for fault tests, on 127.0.0.1 and a free port: just enough of RFC 5321 for
 * Simple Java Mail (220, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no AUTH, TLS or
 * pipelining), one thread per connection. What it answers to each {@code RCPT TO} is a policy
 * the test changes while the application sends: a reply code, or {@link Reply#DROP} to close the
 * connection without answering. It records every message it accepted (envelope recipient and
 * Message-ID header) and every answer it gave to a recipient.
 *
 * <p>GreenMail (the demo sandbox) always accepts: its commands sit in a static registry and its
 * recipient check cannot be told to answer 4xx, hence this server.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** An answer to {@code RCPT TO}: a reply code and text, or {@link #DROP}. */
    public record Reply(int code, String text) {

        public static final Reply OK = new Reply(250, "2.1.5 OK");
        /** Closes the connection instead of answering. */
        public static final Reply DROP = new Reply(0, "");

        public static Reply of(int code, String text) {
            if (code < 200 || code > 599) {
                throw new IllegalArgumentException("Not an SMTP reply code: " + code);
            }
            return new Reply(code, text);
        }
    }

    /** A message the server accepted (answered 250 after DATA), one per envelope recipient. */
    public record Accepted(String recipient, @Nullable String messageId) {
    }

    /** What the server answered to a recipient, and when (code 0: it dropped the connection). */
    public record Answer(String recipient, int code, Instant at) {
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Function<String, Reply> recipients = address -> Reply.OK;

    private ScriptedSmtpServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofPlatform().daemon().name("scripted-smtp-accept").start(this::acceptAll);
    }

    public static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** From now on, answers {@code RCPT TO:<address>} with {@code policy.apply(address)} (address in lower case). */
    public void onRecipient(Function<String, Reply> policy) {
        this.recipients = policy;
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** How many connections the server has accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Accepts everything again and forgets what it received. */
    public void reset() {
        recipients = address -> Reply.OK;
        accepted.clear();
        answers.clear();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(ScriptedSmtpServer::closeQuietly);
        acceptor.interrupt();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                int n = connections.incrementAndGet();
                Thread.ofPlatform().daemon().name("scripted-smtp-" + n).start(() -> {
                    try {
                        converse(client);
                    } catch (IOException e) {
                        // the client went away
                    } finally {
                        open.remove(client);
                        closeQuietly(client);
                    }
                });
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void converse(Socket client) throws IOException {
        // ISO-8859-1 keeps every byte as one char, whatever the client sends
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted.test ESMTP ready");
        String from = null;
        List<String> to = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String verb = (line.length() < 4 ? line : line.substring(0, 4)).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-scripted.test\r\n250-8BITMIME\r\n250 SIZE 52428800");
                case "HELO" -> reply(out, "250 scripted.test");
                case "MAIL" -> {
                    from = path(line);
                    to.clear();
                    reply(out, "250 2.1.0 OK");
                }
                case "RCPT" -> {
                    if (from == null) {
                        reply(out, "503 5.5.1 MAIL first");
                        continue;
                    }
                    String address = path(line).toLowerCase(Locale.ROOT);
                    Reply answer = recipients.apply(address);
                    answers.add(new Answer(address, answer.code(), Instant.now()));
                    if (answer == Reply.DROP) {
                        return;
                    }
                    if (answer.code() == 250 || answer.code() == 251) {
                        to.add(address);
                    }
                    reply(out, answer.code() + " " + answer.text());
                }
                case "DATA" -> {
                    if (to.isEmpty()) {
                        reply(out, "554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String messageId = readMessage(in);
                    to.forEach(recipient -> accepted.add(new Accepted(recipient, messageId)));
                    from = null;
                    to.clear();
                    reply(out, "250 2.0.0 OK queued");
                }
                case "RSET" -> {
                    from = null;
                    to.clear();
                    reply(out, "250 2.0.0 OK");
                }
                case "NOOP" -> reply(out, "250 2.0.0 OK");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    /** Reads DATA up to the lone dot; returns the Message-ID header (unfolded), if any. */
    private static @Nullable String readMessage(BufferedReader in) throws IOException {
        String messageId = null;
        boolean headers = true;
        boolean inMessageId = false;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals(".")) {
                return messageId;
            }
            if (!headers) {
                continue;
            }
            if (line.isEmpty()) {
                headers = false;
            } else if (inMessageId && (line.startsWith(" ") || line.startsWith("\t"))) {
                messageId = (messageId + line.strip()).strip();
            } else {
                inMessageId = line.regionMatches(true, 0, "Message-ID:", 0, 11);
                if (inMessageId) {
                    messageId = line.substring(11).strip();
                }
            }
        }
        throw new IOException("The connection closed during DATA");
    }

    private static String path(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).strip();
    }

    /** One write per reply, so that a multi-line reply never waits on Nagle's algorithm. */
    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
