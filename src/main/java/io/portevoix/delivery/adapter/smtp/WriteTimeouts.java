package io.portevoix.delivery.adapter.smtp;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The write timeouts of SMTP connections, for Angus Mail's {@code mail.smtp.executor.writetimeout}:
 * Angus arms a timeout before every write to the socket and cancels it after. Its own executor (a
 * {@code ScheduledThreadPoolExecutor} per connection) wakes its thread each time a timeout is armed
 * on an empty queue, ten to twenty times a message: 0.22 ms of CPU a message, a fifth of what a
 * campaign send costs the JVM (EmailSendBenchmark, 100,000 messages: 1,643 msg/s with it, 2,084
 * without any write timeout). Here arming and cancelling are a set insertion and removal, and one
 * daemon thread looks for expired timeouts every {@value #TICK_MILLIS} ms: a 30-second timeout
 * fires within that much of its due time, which is all a stalled server needs.
 */
final class WriteTimeouts extends AbstractExecutorService implements ScheduledExecutorService {

    static final long TICK_MILLIS = 500;
    /** Shared by every SMTP session of the process; its thread is a daemon that lives as long. */
    static final WriteTimeouts SHARED = new WriteTimeouts();

    private final Set<Timeout<?>> armed = ConcurrentHashMap.newKeySet();
    private final Thread ticker;
    private volatile boolean shutdown;

    WriteTimeouts() {
        ticker = Thread.ofPlatform().name("smtp-write-timeouts").daemon().start(this::tick);
    }

    private void tick() {
        while (!shutdown) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Timeout<?> timeout : armed) {
                if (timeout.due - now <= 0) {
                    timeout.fire(now);
                }
            }
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
        return arm(new Timeout<>(task, System.nanoTime() + unit.toNanos(delay), 0));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return schedule(Executors.callable(task), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return arm(new Timeout<>(Executors.callable(task), System.nanoTime() + unit.toNanos(initialDelay), positive(period, unit)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        return arm(new Timeout<>(Executors.callable(task), System.nanoTime() + unit.toNanos(initialDelay), -positive(delay, unit)));
    }

    private <V> Timeout<V> arm(Timeout<V> timeout) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("The write timeouts are shut down");
        }
        armed.add(timeout);
        return timeout;
    }

    private static long positive(long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("A period must be positive");
        }
        return unit.toNanos(period);
    }

    /** Runs the command at the next tick, as every task here. */
    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    int armed() {
        return armed.size();
    }

    @Override
    public void shutdown() {
        shutdown = true;
        ticker.interrupt();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        List<Runnable> left = List.copyOf(armed);
        armed.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && !ticker.isAlive();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return ticker.join(Duration.ofNanos(unit.toNanos(timeout)));
    }

    /**
     * A timeout, run by the ticker when due unless cancelled first (then it leaves the set at
     * once). {@code period}: 0 runs once; more, again that long after each due time (fixed rate);
     * less, again that long after each run (fixed delay).
     */
    private final class Timeout<V> extends FutureTask<V> implements ScheduledFuture<V> {

        private volatile long due;
        private final long period;

        Timeout(Callable<V> task, long due, long period) {
            super(task);
            this.due = due;
            this.period = period;
        }

        void fire(long now) {
            if (period == 0) {
                if (armed.remove(this)) {
                    run();
                }
            } else if (runAndReset()) {
                due = period > 0 ? due + period : now - period;
            } else {
                armed.remove(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            armed.remove(this);
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
