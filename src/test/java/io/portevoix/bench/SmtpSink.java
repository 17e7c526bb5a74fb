package io.portevoix.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's SMTP sink: accepts every message on 127.0.0.1 and counts it, nothing more
 * (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; one virtual thread per connection, TCP_NODELAY, each
 * reply one write). Keeps nothing, so that 100,000 messages do not fill the heap.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    SmtpSink() {
        try {
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
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

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP\r\n");
            boolean data = false;
            byte[] line = new byte[1024];
            while (true) {
                int n = readLine(in, line);
                if (n < 0) {
                    return;
                }
                if (data) {
                    if (n == 1 && line[0] == '.') {
                        data = false;
                        messages.incrementAndGet();
                        reply(out, "250 2.0.0 OK\r\n");
                    }
                    continue;
                }
                String command = new String(line, 0, Math.min(n, 4), StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
                    case "HELO" -> reply(out, "250 sink\r\n");
                    case "DATA" -> {
                        data = true;
                        reply(out, "354 go ahead\r\n");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye\r\n");
                        return;
                    }
                    default -> reply(out, "250 OK\r\n");
                }
            }
        } catch (IOException dropped) {
            // the client went away
        }
    }

    /** Reads one line without its CRLF (longer lines are cut to the buffer: only short ones matter); -1 at the end. */
    private static int readLine(InputStream in, byte[] line) throws IOException {
        int n = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return n > 0 && line[Math.min(n, line.length) - 1] == '\r' ? Math.min(n, line.length) - 1 : Math.min(n, line.length);
            }
            if (n < line.length) {
                line[n] = (byte) b;
            }
            n++;
        }
        return -1;
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
