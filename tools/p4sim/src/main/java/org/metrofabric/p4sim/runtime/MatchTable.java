package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A match-action table: entries keyed by {@link EntryKey}, a default action, optional direct counter and
 * direct meter cells per entry, and an optional action profile/selector that member and group references
 * resolve through. Mutations here are unchecked; {@code control.SwitchControl} validates them first.
 *
 * <p>A table that supports idle timeouts ({@code support_timeout = true}) stamps an entry with the packet's
 * time on every hit, as BMv2 does; other tables do nothing extra per lookup.
 */
public final class MatchTable {
    private final String name;
    private final List<KeyField> fields;
    private final int[] matchPositions;
    private final int[] selectorPositions;
    private final int[] selectorWidths;
    private final int size;
    private final ActionProfile profile;
    private final boolean hasDirectCounter;
    private final boolean hasDirectMeter;
    private final boolean directMeterCountsBytes;
    private final boolean constEntries;
    private final ActionCall initialDefault;
    private final boolean defaultIsConst;
    private final boolean supportsIdleTimeout;
    private final Map<EntryKey, TableEntry> entries = new LinkedHashMap<>();
    private final EntryIndex index;
    private ActionCall defaultAction;
    private long nextSequence;
    private Runnable idleEntryRevived = () -> { };

    /** Describes everything a table needs at construction. */
    public record Spec(String name, List<KeyField> fields, List<Integer> selectorWidths,
                       List<Integer> selectorKeyPositions, int size, ActionProfile profile,
                       boolean hasDirectCounter, boolean hasDirectMeter, boolean directMeterCountsBytes,
                       boolean isConstTable, TableDefaults defaults, List<ConstEntry> constEntries,
                       boolean supportsIdleTimeout) {
        /** A table without idle timeouts. */
        public Spec(String name, List<KeyField> fields, List<Integer> selectorWidths,
                    List<Integer> selectorKeyPositions, int size, ActionProfile profile,
                    boolean hasDirectCounter, boolean hasDirectMeter, boolean directMeterCountsBytes,
                    boolean isConstTable, TableDefaults defaults, List<ConstEntry> constEntries) {
            this(name, fields, selectorWidths, selectorKeyPositions, size, profile, hasDirectCounter, hasDirectMeter,
                    directMeterCountsBytes, isConstTable, defaults, constEntries, false);
        }
    }

    public MatchTable(Spec spec) {
        this.name = spec.name();
        this.fields = List.copyOf(spec.fields());
        this.selectorWidths = spec.selectorWidths().stream().mapToInt(Integer::intValue).toArray();
        int keyLength = fields.size() + selectorWidths.length;
        this.selectorPositions = selectorPositions(spec, keyLength);
        this.matchPositions = complement(selectorPositions, keyLength);
        this.size = spec.size();
        this.profile = spec.profile();
        this.hasDirectCounter = spec.hasDirectCounter();
        this.hasDirectMeter = spec.hasDirectMeter();
        this.directMeterCountsBytes = spec.directMeterCountsBytes();
        this.constEntries = spec.isConstTable();
        this.initialDefault = spec.defaults().action();
        this.defaultIsConst = spec.defaults().isConst();
        this.supportsIdleTimeout = spec.supportsIdleTimeout();
        this.defaultAction = initialDefault;
        this.index = EntryIndex.forFields(fields);
        List<ConstEntry> initial = spec.constEntries();
        boolean prioritized = needsPriority();
        for (int i = 0; i < initial.size(); i++) {
            ConstEntry constEntry = initial.get(i);
            if (constEntry.matches().size() != fields.size()) {
                throw new IllegalArgumentException("table " + name + ": const entry " + i + " has "
                        + constEntry.matches().size() + " matches for " + fields.size() + " fields");
            }
            int priority = prioritized ? initial.size() - i : 0;
            EntryKey key = new EntryKey(normalized(constEntry.matches(), i), priority);
            if (!entries.containsKey(key)) {
                add(new TableEntry(key, constEntry.action(), nextSequence++, true));
            }
        }
    }

    /** Const entries may write {@code _} for an LPM field; entries keep it as a /0 prefix. */
    private List<FieldMatch> normalized(List<FieldMatch> matches, int entryIndex) {
        List<FieldMatch> result = new ArrayList<>(matches);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) instanceof FieldMatch.DontCare) {
                MatchKind kind = fields.get(i).kind();
                if (kind == MatchKind.EXACT) {
                    throw new IllegalArgumentException("table " + name + ": const entry " + entryIndex
                            + " leaves exact field " + fields.get(i).name() + " unspecified");
                }
                if (kind == MatchKind.LPM) {
                    result.set(i, FieldMatch.lpm(BigInteger.ZERO, 0));
                }
            }
        }
        return result;
    }

    private static int[] selectorPositions(Spec spec, int keyLength) {
        List<Integer> positions = spec.selectorKeyPositions();
        int count = spec.selectorWidths().size();
        if (positions == null || positions.isEmpty()) {
            int[] trailing = new int[count];
            for (int i = 0; i < count; i++) {
                trailing[i] = keyLength - count + i;
            }
            return trailing;
        }
        if (positions.size() != count) {
            throw new IllegalArgumentException("table " + spec.name() + ": " + positions.size()
                    + " selector positions for " + count + " selector widths");
        }
        int[] result = positions.stream().mapToInt(Integer::intValue).toArray();
        for (int position : result) {
            if (position < 0 || position >= keyLength) {
                throw new IllegalArgumentException("table " + spec.name() + ": selector position " + position
                        + " outside a key of " + keyLength + " elements");
            }
        }
        return result;
    }

    private static int[] complement(int[] excluded, int length) {
        boolean[] skip = new boolean[length];
        for (int position : excluded) {
            skip[position] = true;
        }
        int[] result = new int[length - excluded.length];
        int next = 0;
        for (int i = 0; i < length; i++) {
            if (!skip[i]) {
                result[next++] = i;
            }
        }
        return result;
    }

    public String name() {
        return name;
    }

    public List<KeyField> fields() {
        return fields;
    }

    public int size() {
        return size;
    }

    /** The action profile or selector implementing the table, or null. */
    public ActionProfile profile() {
        return profile;
    }

    public boolean hasDirectCounter() {
        return hasDirectCounter;
    }

    public boolean hasDirectMeter() {
        return hasDirectMeter;
    }

    /** Whether entries may carry an idle timeout (the P4 table declares {@code support_timeout = true}). */
    public boolean supportsIdleTimeout() {
        return supportsIdleTimeout;
    }

    /**
     * Runs {@code listener} on the packet's thread when a hit revives an entry a sweep had reported idle,
     * for whoever schedules sweeps only while an entry can still expire. It runs with this table locked:
     * it must not wait for another thread that may be writing to the switch.
     */
    public synchronized void setIdleEntryRevivedListener(Runnable listener) {
        idleEntryRevived = listener;
    }

    /** Whether the program fixed the entries ({@code const entries}). */
    public boolean isConstTable() {
        return constEntries;
    }

    public boolean isDefaultConst() {
        return defaultIsConst;
    }

    /** Whether entries carry a priority: the table has a ternary, range or optional field. */
    public boolean needsPriority() {
        return fields.stream().anyMatch(f -> f.kind() == MatchKind.TERNARY || f.kind() == MatchKind.RANGE
                || f.kind() == MatchKind.OPTIONAL);
    }

    /**
     * Looks a packet's key up. {@code keyValues} holds one value per key element in P4 source order,
     * selector elements included; {@code nowNanos} is the packet's timestamp.
     */
    public synchronized TableResult apply(BigInteger[] keyValues, int packetLengthBytes, long nowNanos) {
        if (keyValues.length != matchPositions.length + selectorPositions.length) {
            throw new IllegalArgumentException("table " + name + " takes " + (matchPositions.length
                    + selectorPositions.length) + " key values, got " + keyValues.length);
        }
        BigInteger[] matchKey = keyValues;
        if (selectorPositions.length > 0) {
            matchKey = new BigInteger[matchPositions.length];
            for (int i = 0; i < matchKey.length; i++) {
                matchKey[i] = keyValues[matchPositions[i]];
            }
        }
        TableEntry entry = index.lookup(matchKey);
        if (entry == null) {
            return TableResult.miss(defaultAction);
        }
        if (supportsIdleTimeout && entry.hit(nowNanos)) {
            idleEntryRevived.run();
        }
        if (hasDirectCounter) {
            entry.counterCell().count(packetLengthBytes);
        }
        int color = hasDirectMeter
                ? entry.meterCell().execute(directMeterCountsBytes ? packetLengthBytes : 1, nowNanos / 1000)
                : MeterCell.GREEN;
        ActionCall action = resolve(entry.action(), keyValues);
        return TableResult.hit(action != null ? action : ActionCall.of(TableResult.NO_ACTION), color);
    }

    private ActionCall resolve(EntryAction action, BigInteger[] keyValues) {
        if (action instanceof ActionCall call) {
            return call;
        }
        if (action instanceof EntryAction.MemberRef member) {
            return profile.member(member.memberId());
        }
        EntryAction.GroupRef group = (EntryAction.GroupRef) action;
        BigInteger[] selectorValues = new BigInteger[selectorPositions.length];
        for (int i = 0; i < selectorValues.length; i++) {
            selectorValues[i] = keyValues[selectorPositions[i]];
        }
        return profile.select(group.groupId(), BitWriter.pack(selectorValues, selectorWidths));
    }

    public synchronized TableEntry entry(EntryKey key) {
        return entries.get(key);
    }

    /** All entries (const ones included) in insertion order. */
    public synchronized List<TableEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    public synchronized int entryCount() {
        return entries.size();
    }

    public synchronized void insert(EntryKey key, EntryAction action) {
        insert(key, action, 0, 0);
    }

    /** Inserts an entry whose idle timer starts at {@code nowNanos}; a timeout of 0 never expires. */
    public synchronized void insert(EntryKey key, EntryAction action, long idleTimeoutNanos, long nowNanos) {
        if (entries.containsKey(key)) {
            throw new IllegalStateException("table " + name + ": entry exists: " + key);
        }
        if (key.matches().size() != fields.size()) {
            throw new IllegalArgumentException("table " + name + ": " + key.matches().size()
                    + " matches for " + fields.size() + " fields");
        }
        TableEntry entry = new TableEntry(key, action, nextSequence++, false);
        entry.resetIdleTimer(idleTimeoutNanos, nowNanos);
        add(entry);
    }

    private void add(TableEntry entry) {
        entries.put(entry.key(), entry);
        index.add(entry);
    }

    public synchronized void modify(EntryKey key, EntryAction action) {
        requireEntry(key).setAction(action);
    }

    /**
     * Sets an entry's idle timeout. As in BMv2 (its P4Runtime tests), changing the timeout restarts the
     * idle timer at {@code nowNanos}; setting the same timeout again leaves the timer running.
     */
    public synchronized void setIdleTimeout(EntryKey key, long idleTimeoutNanos, long nowNanos) {
        TableEntry entry = requireEntry(key);
        if (entry.idleTimeoutNanos() != idleTimeoutNanos) {
            entry.resetIdleTimer(idleTimeoutNanos, nowNanos);
        }
    }

    /** The entries that have not been hit for their idle timeout at {@code nowNanos}, in insertion order. */
    public synchronized List<TableEntry> expiredEntries(long nowNanos) {
        List<TableEntry> expired = new ArrayList<>();
        if (supportsIdleTimeout) {
            for (TableEntry entry : entries.values()) {
                if (entry.isExpired(nowNanos)) {
                    expired.add(entry);
                }
            }
        }
        return expired;
    }

    /** Records that a sweep reported {@code entry} as idle. */
    public synchronized void markIdleReported(TableEntry entry) {
        entry.markIdleReported();
    }

    /**
     * The earliest time an entry not yet reported idle can expire (Long.MAX_VALUE if none): until a hit
     * moves it, {@code last hit + timeout}, which may already be past.
     */
    public synchronized long nextIdleExpiry() {
        long next = Long.MAX_VALUE;
        if (supportsIdleTimeout) {
            for (TableEntry entry : entries.values()) {
                if (entry.idleTimeoutNanos() > 0 && !entry.idleReported()) {
                    next = Math.min(next, entry.lastHitNanos() + entry.idleTimeoutNanos());
                }
            }
        }
        return next;
    }

    public synchronized void delete(EntryKey key) {
        TableEntry removed = requireEntry(key);
        entries.remove(key);
        index.remove(removed);
    }

    private TableEntry requireEntry(EntryKey key) {
        TableEntry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalStateException("table " + name + ": no entry " + key);
        }
        return entry;
    }

    public synchronized ActionCall defaultAction() {
        return defaultAction;
    }

    public ActionCall initialDefaultAction() {
        return initialDefault;
    }

    public synchronized void setDefaultAction(ActionCall action) {
        defaultAction = action;
    }

    /** Back to the program's default action (P4Runtime MODIFY of the default entry with no action). */
    public synchronized void resetDefaultAction() {
        defaultAction = initialDefault;
    }

    /** Sets an entry's direct counter cell. */
    public synchronized void writeDirectCounter(EntryKey key, CounterData data) {
        requireEntry(key).counterCell().write(data);
    }

    /** Configures ({@code config} non-null) or unconfigures an entry's direct meter cell. */
    public synchronized void configureDirectMeter(EntryKey key, MeterConfig config) {
        MeterCell cell = requireEntry(key).meterCell();
        if (config == null) {
            cell.unconfigure();
        } else {
            cell.configure(config);
        }
    }
}
