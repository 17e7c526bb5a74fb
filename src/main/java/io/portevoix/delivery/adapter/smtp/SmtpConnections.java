package io.portevoix.delivery.adapter.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The open connections to one SMTP server: at most {@code max} at once; a connection is reused
 * (the most recently used first) and closed once idle for {@link #IDLE_MS}; one idle for more
 * than {@link #CHECK_MS} is checked (NOOP) before it carries a message, so that a server closing
 * idle connections is not taken for a failing one. A claim that finds no free connection within
 * {@code claimTimeoutMs} fails: the caller treats it as the server's fault. A connection that
 * failed is closed, never reused (it may be in the middle of a transaction).
 */
final class SmtpConnections implements AutoCloseable {

    static final long IDLE_MS = 30_000;
    static final long CHECK_MS = 2_000;

    private record Idle(Transport transport, long since) {
    }

    private final Session session;
    private final Semaphore slots;
    private final long claimTimeoutMs;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    SmtpConnections(Session session, int max, long claimTimeoutMs) {
        this.session = session;
        this.slots = new Semaphore(max);
        this.claimTimeoutMs = claimTimeoutMs;
    }

    Session session() {
        return session;
    }

    /** A connected transport, to give back with {@link #release}. */
    Transport claim() throws MessagingException {
        try {
            if (!slots.tryAcquire(claimTimeoutMs, TimeUnit.MILLISECONDS)) {
                throw new MessagingException("No connection to the server came free within " + claimTimeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("Interrupted while waiting for a connection", e);
        }
        try {
            long now = System.currentTimeMillis();
            for (Idle i; (i = idle.pollFirst()) != null; ) {
                if (now - i.since() < CHECK_MS || (now - i.since() < IDLE_MS && i.transport().isConnected())) {
                    return i.transport();
                }
                close(i.transport());
            }
            Transport transport = session.getTransport();
            transport.connect();
            return transport;
        } catch (MessagingException | RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Gives a claimed transport back: kept for the next message when {@code reusable}, else closed. */
    void release(Transport transport, boolean reusable) {
        try {
            if (reusable && !closed) {
                idle.offerFirst(new Idle(transport, System.currentTimeMillis()));
            } else {
                close(transport);
            }
            long now = System.currentTimeMillis();
            for (Idle oldest; (oldest = idle.peekLast()) != null && now - oldest.since() >= IDLE_MS; ) {
                if (idle.removeLastOccurrence(oldest)) {
                    close(oldest.transport());
                }
            }
        } finally {
            slots.release();
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is gone either way
        }
    }

    /** Closes the idle connections (after one failed, the others are likely gone too). */
    void closeIdle() {
        for (Idle i; (i = idle.pollFirst()) != null; ) {
            close(i.transport());
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
