package org.metrofabric.p4sim.runtime;

/**
 * A table entry with its direct resources (counter cell, meter cell) and, in a table that supports idle
 * timeouts, its ageing state: the idle timeout (0: the entry never ages) and when it was last hit.
 */
public final class TableEntry {
    private final EntryKey key;
    private final long sequence;
    private final boolean isConst;
    private volatile EntryAction action;
    private final CounterCell counter = new CounterCell();
    private final MeterCell meter = new MeterCell(0);
    private long idleTimeoutNanos;
    private long lastHitNanos;
    private boolean idleReported;

    TableEntry(EntryKey key, EntryAction action, long sequence, boolean isConst) {
        this.key = key;
        this.action = action;
        this.sequence = sequence;
        this.isConst = isConst;
    }

    public EntryKey key() {
        return key;
    }

    public EntryAction action() {
        return action;
    }

    /** Whether the entry came from the program's {@code const entries}. */
    public boolean isConst() {
        return isConst;
    }

    public CounterData counterData() {
        return counter.read();
    }

    /** The direct meter configuration, or null when unconfigured. */
    public MeterConfig meterConfig() {
        return meter.config();
    }

    /** The idle timeout in nanoseconds; 0 when the entry does not age. */
    public long idleTimeoutNanos() {
        return idleTimeoutNanos;
    }

    /** When a packet last hit the entry; its insertion (or timeout change) time until then. */
    public long lastHitNanos() {
        return lastHitNanos;
    }

    /** Whether the entry has expired at {@code nowNanos}: it ages and has not been hit for its timeout. */
    boolean isExpired(long nowNanos) {
        return idleTimeoutNanos > 0 && nowNanos - lastHitNanos >= idleTimeoutNanos;
    }

    /** Whether a sweep reported the entry since it was last hit or its timer was last reset. */
    boolean idleReported() {
        return idleReported;
    }

    void markIdleReported() {
        idleReported = true;
    }

    /** Starts the idle timer over at {@code nowNanos} with {@code timeoutNanos}. */
    void resetIdleTimer(long timeoutNanos, long nowNanos) {
        idleTimeoutNanos = timeoutNanos;
        lastHitNanos = nowNanos;
        idleReported = false;
    }

    /** A packet hit the entry; true if that revives an entry a sweep had reported as idle. */
    boolean hit(long nowNanos) {
        lastHitNanos = nowNanos;
        if (idleReported) {
            idleReported = false;
            return true;
        }
        return false;
    }

    long sequence() {
        return sequence;
    }

    void setAction(EntryAction newAction) {
        action = newAction;
    }

    CounterCell counterCell() {
        return counter;
    }

    MeterCell meterCell() {
        return meter;
    }
}
