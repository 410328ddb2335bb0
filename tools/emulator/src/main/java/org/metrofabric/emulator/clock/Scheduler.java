package org.metrofabric.emulator.clock;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A discrete-event loop on a virtual clock counted in nanoseconds (a {@code long}: no rounding
 * drift, about 292 years of range). Single-threaded: every action runs on the thread that calls
 * a {@code run*} method, and actions schedule further events. The clock only moves forward.
 * Other threads (an embedded controller's executors) hand work in through {@link #post}.
 */
public final class Scheduler {
    private final PriorityQueue<ScheduledEvent> pending = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    /** Written by the loop only; volatile so other threads (packet-in timestamps in serve) read a current time. */
    private volatile long nowNanos;
    private long nextSequence;
    private long executed;
    private boolean running;

    /**
     * The current virtual time: the time of the running event, or where the last run stopped. From
     * another thread, the time of an event running or just run on the loop.
     */
    public long now() {
        return nowNanos;
    }

    /** Schedules {@code action} at absolute time {@code timeNanos}, which must not be in the past. */
    public ScheduledEvent at(long timeNanos, Runnable action) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("event time " + timeNanos + " ns is before the current time "
                    + nowNanos + " ns");
        }
        if (action == null) {
            throw new IllegalArgumentException("event action must not be null");
        }
        ScheduledEvent event = new ScheduledEvent(timeNanos, nextSequence++, action);
        pending.add(event);
        return event;
    }

    /**
     * Thread-safe: runs {@code action} on the loop's thread at the virtual time the loop has
     * reached when it next looks (before its next event, or when the next {@code run*} starts).
     * Runs are deterministic only if posting is, e.g. when posts happen between runs.
     */
    public void post(Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("posted action must not be null");
        }
        posted.add(action);
    }

    /**
     * For threads other than the loop's: posts {@code action} and waits up to {@code timeoutSeconds}
     * for its result. The action's own exceptions are rethrown as they are; a loop that does not run
     * it in time, or an interrupted wait, is a {@link LoopUnavailableException}.
     */
    public <T> T call(Supplier<T> action, long timeoutSeconds) {
        CompletableFuture<T> result = new CompletableFuture<>();
        post(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopUnavailableException("interrupted waiting for the emulator loop");
        } catch (TimeoutException e) {
            throw new LoopUnavailableException("the emulator loop did not run the request within "
                    + timeoutSeconds + " s");
        }
    }

    /** The loop did not run a {@link #call} in time. */
    public static final class LoopUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoopUnavailableException(String message) {
            super(message);
        }
    }

    /** Schedules {@code action} {@code delayNanos} (≥ 0) after now. */
    public ScheduledEvent after(long delayNanos, Runnable action) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("event delay must be >= 0 ns, got " + delayNanos);
        }
        return at(Math.addExact(nowNanos, delayNanos), action);
    }

    /**
     * Runs every event due at or before {@code endNanos}, then leaves the clock at {@code endNanos}.
     * Returns the number of events run.
     */
    public long runUntil(long endNanos) {
        if (endNanos < nowNanos) {
            throw new IllegalArgumentException("run end " + endNanos + " ns is before the current time "
                    + nowNanos + " ns");
        }
        long before = executed;
        enter();
        try {
            while (takePosted() || !pending.isEmpty() && pending.peek().timeNanos() <= endNanos) {
                runNext();
            }
            nowNanos = endNanos;
        } finally {
            running = false;
        }
        return executed - before;
    }

    /** Runs for {@code durationNanos} (≥ 0) of virtual time; returns the number of events run. */
    public long runFor(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("run duration must be >= 0 ns, got " + durationNanos);
        }
        return runUntil(Math.addExact(nowNanos, durationNanos));
    }

    /** Runs until no event is pending; the clock stays at the last event. Returns events run. */
    public long runUntilIdle() {
        long before = executed;
        enter();
        try {
            while (takePosted() || !pending.isEmpty()) {
                runNext();
            }
        } finally {
            running = false;
        }
        return executed - before;
    }

    /** Events run since creation (cancelled ones are not counted). */
    public long executedEvents() {
        return executed;
    }

    /** Events scheduled and not yet run, cancelled ones included until their time comes. */
    public int pendingEvents() {
        return pending.size();
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("the scheduler is already running; an event must not run the loop");
        }
        running = true;
    }

    /** Moves posted actions into the event queue at the current time; true if there were any. */
    private boolean takePosted() {
        boolean any = false;
        for (Runnable action = posted.poll(); action != null; action = posted.poll()) {
            at(nowNanos, action);
            any = true;
        }
        return any;
    }

    private void runNext() {
        ScheduledEvent event = pending.poll();
        if (event.isCancelled()) {
            return;
        }
        nowNanos = event.timeNanos();
        executed++;
        event.action().run();
    }
}
