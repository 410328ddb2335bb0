package org.metrofabric.p4sim.runtime;

/** A direct meter: one cell per entry of its table, executed on every hit before the action. */
public final class DirectMeter {
    private final String name;
    private final MatchTable table;
    private final boolean countsBytes;

    public DirectMeter(String name, MatchTable table, boolean countsBytes) {
        this.name = name;
        this.table = table;
        this.countsBytes = countsBytes;
    }

    public String name() {
        return name;
    }

    public MatchTable table() {
        return table;
    }

    public boolean countsBytes() {
        return countsBytes;
    }

    /** The entry's configuration; null when unconfigured. */
    public MeterConfig config(EntryKey key) {
        TableEntry entry = table.entry(key);
        return entry == null ? null : entry.meterConfig();
    }
}
