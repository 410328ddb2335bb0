package org.metrofabric.p4sim.runtime;

/** A direct counter: one cell per entry of its table, counted on every hit. */
public final class DirectCounter {
    private final String name;
    private final MatchTable table;

    public DirectCounter(String name, MatchTable table) {
        this.name = name;
        this.table = table;
    }

    public String name() {
        return name;
    }

    public MatchTable table() {
        return table;
    }

    /** The entry's cell, or null when the table has no such entry. */
    public CounterData read(EntryKey key) {
        TableEntry entry = table.entry(key);
        return entry == null ? null : entry.counterData();
    }
}
