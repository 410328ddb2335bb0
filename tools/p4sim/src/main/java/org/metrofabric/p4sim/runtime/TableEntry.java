package org.metrofabric.p4sim.runtime;

/** A table entry with its direct resources (counter cell, meter cell). */
public final class TableEntry {
    private final EntryKey key;
    private final long sequence;
    private final boolean isConst;
    private volatile EntryAction action;
    private final CounterCell counter = new CounterCell();
    private final MeterCell meter = new MeterCell(0);

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
