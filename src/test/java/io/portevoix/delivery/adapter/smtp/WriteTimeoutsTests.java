package io.portevoix.delivery.adapter.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.delivery.SmtpSecurity;
import io.portevoix.delivery.application.port.MailServer;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.util.WriteTimeoutSocket;
import org.junit.jupiter.api.Test;

/**
 * {@link WriteTimeouts} behind Angus' own write-timeout socket, as SMTP connections use it: a
 * write to a peer that stops reading is aborted once its timeout is due (within a tick), writes
 * that go through leave nothing armed, and a timeout cancelled in time never fires.
 */
class WriteTimeoutsTests {

    @Test
    void theSmtpSessionsUseTheSharedTimeouts() {
        Session session = SmtpMailTransport.session(new MailServer("t", "127.0.0.1", 2525, SmtpSecurity.NONE, "", ""));
        assertThat(session.getProperties().get("mail.smtp.executor.writetimeout")).isSameAs(WriteTimeouts.SHARED);
        assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    }

    @Test
    void aWriteToAPeerThatStopsReadingIsAbortedWhenItsTimeoutIsDue() throws Exception {
        WriteTimeouts timeouts = new WriteTimeouts();
        try (Loopback loopback = Loopback.open(timeouts, 1_000)) {
            OutputStream out = loopback.guarded().getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            long start = System.nanoTime();
            // the peer never reads: once both socket buffers are full, a write blocks until the timeout closes the socket
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            }).isInstanceOf(IOException.class);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isBetween(1_000L, 1_000L + 3 * WriteTimeouts.TICK_MILLIS);
            assertThat(loopback.client().isClosed()).isTrue();
            assertThat(timeouts.armed()).isZero();
        } finally {
            timeouts.shutdownNow();
        }
    }

    @Test
    void writesThatGoThroughLeaveNothingArmedAndNeverTimeOut() throws Exception {
        WriteTimeouts timeouts = new WriteTimeouts();
        try (Loopback loopback = Loopback.open(timeouts, 600)) {
            Thread drain = Thread.ofVirtual().start(() -> {
                try (InputStream in = loopback.peer().getInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            OutputStream out = loopback.guarded().getOutputStream();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            long writes = 0;
            while (System.nanoTime() < end) {
                out.write(new byte[512]);
                writes++;
            }
            assertThat(writes).isGreaterThan(1_000);
            assertThat(timeouts.armed()).isZero();
            // well past the timeout of every write above: none fired, the connection is open
            Thread.sleep(600 + 2 * WriteTimeouts.TICK_MILLIS);
            assertThat(loopback.client().isClosed()).isFalse();
            out.write(new byte[512]);
            loopback.guarded().close();
            drain.join(5_000);
        } finally {
            timeouts.shutdownNow();
        }
    }

    @Test
    void aTimeoutThatRanCannotBeCancelledAndGivesItsResult() throws Exception {
        WriteTimeouts timeouts = new WriteTimeouts();
        try {
            var fired = timeouts.schedule(() -> "closed", 10, TimeUnit.MILLISECONDS);
            assertThat(fired.get(3 * WriteTimeouts.TICK_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo("closed");
            assertThat(fired.cancel(true)).isFalse();
            var cancelled = timeouts.schedule(() -> "never", 10, TimeUnit.MILLISECONDS);
            assertThat(cancelled.cancel(true)).isTrue();
            assertThat(timeouts.armed()).isZero();
            assertThat(cancelled.isCancelled()).isTrue();
        } finally {
            timeouts.shutdownNow();
        }
    }

    @Test
    void aPeriodicTaskRunsAtEachTickUntilCancelled() throws Exception {
        WriteTimeouts timeouts = new WriteTimeouts();
        try {
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            var periodic = timeouts.scheduleWithFixedDelay(runs::incrementAndGet, 0, 1, TimeUnit.MILLISECONDS);
            Thread.sleep(3 * WriteTimeouts.TICK_MILLIS + WriteTimeouts.TICK_MILLIS / 2);
            assertThat(runs.get()).isBetween(2, 4);
            assertThat(periodic.cancel(false)).isTrue();
            assertThat(timeouts.armed()).isZero();
            int seen = runs.get();
            Thread.sleep(2 * WriteTimeouts.TICK_MILLIS);
            assertThat(runs.get()).isEqualTo(seen);
        } finally {
            timeouts.shutdownNow();
        }
    }

    /** A loopback connection: the client's socket guarded by the timeouts, and the peer's end. */
    private record Loopback(ServerSocket server, Socket client, Socket peer, WriteTimeoutSocket guarded) implements AutoCloseable {

        static Loopback open(WriteTimeouts timeouts, int timeoutMillis) throws IOException {
            ServerSocket server = new ServerSocket(0);
            Socket client = new Socket("127.0.0.1", server.getLocalPort());
            Socket peer = server.accept();
            return new Loopback(server, client, peer, new WriteTimeoutSocket(client, timeoutMillis, timeouts));
        }

        @Override
        public void close() throws IOException {
            guarded.close();
            peer.close();
            server.close();
        }
    }
}
