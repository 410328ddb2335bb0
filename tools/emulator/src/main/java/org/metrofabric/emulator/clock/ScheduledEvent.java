package org.metrofabric.emulator.clock;

/**
 * One pending action of a {@link Scheduler}. Events run in order of time, then of the order in
 * which they were scheduled, so two runs of the same scenario interleave identically.
 */
public final class ScheduledEvent implements Comparable<ScheduledEvent> {
    private final long timeNanos;
    private final long sequence;
    private final Runnable action;
    private boolean cancelled;

    ScheduledEvent(long timeNanos, long sequence, Runnable action) {
        this.timeNanos = timeNanos;
        this.sequence = sequence;
        this.action = action;
    }

    public long timeNanos() {
        return timeNanos;
    }

    /** Keeps the event from running; cancelling an event that already ran has no effect. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    Runnable action() {
        return action;
    }

    @Override
    public int compareTo(ScheduledEvent other) {
        int byTime = Long.compare(timeNanos, other.timeNanos);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
