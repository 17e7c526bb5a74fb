package io.portevoix.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of {@link TrackingBenchmark}: keep-alive HTTP/1.1 GETs over plain loopback
 * sockets, one blocking connection per client, the requests encoded once. On two cores the client
 * shares the CPU with the server it measures; the JDK's {@code HttpClient} spends about as much per
 * request as the tracking endpoint itself, so its figure would say more about the client than about
 * the server. Reads just what a benchmark needs of each answer: the status, {@code Content-Length}
 * or chunked framing, {@code Connection: close} (then it reconnects).
 */
final class LoopbackHttpLoad {

    /** {@code answered}: the requests answered with a 200 or a 302. */
    record Result(double perSecond, double p99Millis, long errors, long answered) {
    }

    /** Latencies are counted in buckets of 10 µs up to 2 s (the last bucket holds anything slower). */
    private static final int BUCKETS = 200_000;
    private static final long BUCKET_NANOS = 10_000;

    private LoopbackHttpLoad() {
    }

    /** {@code clients} connections in a loop over the paths for some seconds: hits per second and p99 latency. */
    static Result run(int port, List<String> paths, String userAgent, int clients, int seconds) throws Exception {
        byte[][] requests = new byte[paths.size()][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = ("GET " + paths.get(i) + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUser-Agent: " + userAgent
                    + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                long[] mine = new long[BUCKETS + 1];
                histograms.add(mine);
                pool.submit(() -> {
                    Connection connection = null;
                    try {
                        for (int i = client; System.nanoTime() < end; i += clients) {
                            long t = System.nanoTime();
                            try {
                                if (connection == null) {
                                    connection = new Connection(port);
                                }
                                int status = connection.get(requests[i % requests.length]);
                                if (status != 200 && status != 302) {
                                    errors.incrementAndGet();
                                }
                                if (connection.closing) {
                                    connection.close();
                                    connection = null;
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                                if (connection != null) {
                                    connection.close();
                                }
                                connection = null;
                            }
                            mine[(int) Math.min(BUCKETS, (System.nanoTime() - t) / BUCKET_NANOS)]++;
                        }
                    } finally {
                        if (connection != null) {
                            connection.close();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[BUCKETS + 1];
        for (long[] h : histograms) {
            Arrays.setAll(all, b -> all[b] + h[b]);
        }
        long total = Arrays.stream(all).sum();
        long rank = (long) Math.ceil(total * 0.99);
        int bucket = 0;
        for (long seen = 0; bucket < BUCKETS && (seen += all[bucket]) < rank; bucket++) {
            // up to the bucket holding the 99th percentile
        }
        double p99 = total == 0 ? 0 : (bucket + 1) * BUCKET_NANOS / 1e6;
        return new Result(total / elapsed, p99, errors.get(), total - errors.get());
    }

    /** One keep-alive connection; an answer is read to its end before the next request is written. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int start;
        private int limit;
        boolean closing;

        Connection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        int get(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header; !(header = line()).isEmpty(); ) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (start == limit) {
                    fill();
                }
                byte b = buffer[start++];
                if (b == '\n') {
                    int l = line.length();
                    return l > 0 && line.charAt(l - 1) == '\r' ? line.substring(0, l - 1) : line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }

        private void skip(long count) throws IOException {
            while (count > 0) {
                if (start == limit) {
                    fill();
                }
                int n = (int) Math.min(count, limit - start);
                start += n;
                count -= n;
            }
        }

        private void fill() throws IOException {
            int n = in.read(buffer);
            if (n < 0) {
                throw new EOFException("the server closed the connection");
            }
            start = 0;
            limit = n;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
