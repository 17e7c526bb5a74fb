package io.portevoix.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' SMTP sink: accepts every message on 127.0.0.1, counts it and records the
 * addresses it was accepted for (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; one virtual thread per
 * connection, TCP_NODELAY, each reply one write). The data is read in 64 KB chunks and thrown
 * away, only its end ({@code CRLF.CRLF}) is looked for (with the JDK's vectorised String.indexOf),
 * so that the sink costs little CPU and 100,000 messages do not fill the heap. An address accepted a second time counts as a duplicate.
 */
final class SmtpSink implements AutoCloseable {

    private static final String END = "\r\n.\r\n";

    private final ServerSocket server;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    SmtpSink() {
        this(0);
    }

    SmtpSink(int port) {
        try {
            server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("smtp-sink").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    long connections() {
        return connections.get();
    }

    /** Addresses a message was accepted for more than once. */
    long duplicates() {
        return duplicates.get();
    }

    /** The addresses messages were accepted for (lower case). */
    Set<String> received() {
        return java.util.Collections.unmodifiableSet(received);
    }

    /** Forgets the addresses received so far (between two runs to the same members). */
    void forget() {
        received.clear();
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP\r\n");
            byte[] chunk = new byte[64 * 1024];
            byte[] line = new byte[1024];
            int length = 0;
            // in the data: the bytes of the previous read that may begin the end marker, else null
            String tail = null;
            List<String> recipients = new ArrayList<>();
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (tail != null) {
                        // String.indexOf is vectorised: the data costs the sink a copy and a scan per read
                        String data = tail + new String(chunk, i, n - i, StandardCharsets.ISO_8859_1);
                        int end = data.indexOf(END);
                        if (end < 0) {
                            tail = data.substring(Math.max(0, data.length() - END.length() + 1));
                            break;
                        }
                        i += end + END.length() - tail.length() - 1;
                        tail = null;
                        messages.incrementAndGet();
                        for (String recipient : recipients) {
                            if (!received.add(recipient)) {
                                duplicates.incrementAndGet();
                            }
                        }
                        recipients.clear();
                        reply(out, "250 2.0.0 OK\r\n");
                        continue;
                    }
                    byte b = chunk[i];
                    if (b != '\n') {
                        if (length < line.length) {
                            line[length++] = b;
                        }
                        continue;
                    }
                    String command = new String(line, 0, length > 0 && line[length - 1] == '\r' ? length - 1 : length,
                            StandardCharsets.US_ASCII);
                    length = 0;
                    String verb = command.length() < 4 ? command : command.substring(0, 4).toUpperCase(Locale.ROOT);
                    switch (verb) {
                        case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
                        case "HELO" -> reply(out, "250 sink\r\n");
                        case "MAIL", "RSET" -> {
                            recipients.clear();
                            reply(out, "250 OK\r\n");
                        }
                        case "RCPT" -> {
                            int open = command.indexOf('<');
                            int close = command.indexOf('>', open + 1);
                            recipients.add((open >= 0 && close > open ? command.substring(open + 1, close)
                                    : command.substring(command.indexOf(':') + 1).strip()).toLowerCase(Locale.ROOT));
                            reply(out, "250 OK\r\n");
                        }
                        case "DATA" -> {
                            // the data starts after a line end, so the first line may already be the final dot
                            tail = "\r\n";
                            reply(out, "354 go ahead\r\n");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye\r\n");
                            return;
                        }
                        default -> reply(out, "250 OK\r\n");
                    }
                }
            }
        } catch (IOException dropped) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
