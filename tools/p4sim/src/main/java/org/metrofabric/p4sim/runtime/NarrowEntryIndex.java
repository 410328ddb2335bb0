package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same lookups as {@link EntryIndex}'s BigInteger indexes, for tables whose match fields are all at most
 * 64 bits wide (nearly all tables): keys are held as {@code long}s, so a lookup hashes or compares machine
 * words instead of allocating big integers.
 */
final class NarrowEntryIndex {
    private NarrowEntryIndex() {
    }

    static boolean fits(List<KeyField> fields) {
        return fields.stream().allMatch(f -> f.bitwidth() <= 64);
    }

    static long[] toLongs(BigInteger[] key) {
        long[] values = new long[key.length];
        for (int i = 0; i < key.length; i++) {
            values[i] = key[i].longValue();
        }
        return values;
    }

    static long prefixMask(int width, int prefixLength) {
        if (prefixLength == 0) {
            return 0;
        }
        long ones = prefixLength == 64 ? -1L : (1L << prefixLength) - 1;
        return ones << (width - prefixLength);
    }

    /** A hashable tuple of longs; lookups may build one over a scratch array, as maps do not keep it. */
    private static final class LongTuple {
        private final long[] values;
        private final int hash;

        LongTuple(long[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LongTuple tuple && tuple.hash == hash && Arrays.equals(tuple.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static long valueOf(FieldMatch match) {
        if (match instanceof FieldMatch.Exact exact) {
            return exact.value().longValue();
        }
        return ((FieldMatch.Lpm) match).value().longValue();
    }

    /** All fields exact: one hash lookup. */
    static final class Exact extends EntryIndex {
        private final Map<LongTuple, TableEntry> entries = new HashMap<>();

        private static LongTuple tupleOf(TableEntry entry) {
            List<FieldMatch> matches = entry.key().matches();
            long[] values = new long[matches.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = valueOf(matches.get(i));
            }
            return new LongTuple(values);
        }

        @Override
        void add(TableEntry entry) {
            entries.put(tupleOf(entry), entry);
        }

        @Override
        void remove(TableEntry entry) {
            entries.remove(tupleOf(entry));
        }

        @Override
        TableEntry lookup(BigInteger[] key) {
            return entries.get(new LongTuple(toLongs(key)));
        }
    }

    /** Exact fields plus one LPM field: one hash probe per prefix length in use, longest first. */
    static final class LongestPrefix extends EntryIndex {
        private final int lpmPosition;
        private final long[] masks;
        private final TreeMap<Integer, Map<LongTuple, TableEntry>> byPrefixLength =
                new TreeMap<>(Comparator.reverseOrder());
        private volatile Map.Entry<Integer, Map<LongTuple, TableEntry>>[] probes = newProbes(0);

        LongestPrefix(List<KeyField> fields) {
            int position = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).kind() == MatchKind.LPM) {
                    position = i;
                }
            }
            lpmPosition = position;
            int width = fields.get(position).bitwidth();
            masks = new long[width + 1];
            for (int length = 0; length <= width; length++) {
                masks[length] = prefixMask(width, length);
            }
        }

        @SuppressWarnings("unchecked")
        private static Map.Entry<Integer, Map<LongTuple, TableEntry>>[] newProbes(int size) {
            return new Map.Entry[size];
        }

        private LongTuple tupleOf(TableEntry entry) {
            List<FieldMatch> matches = entry.key().matches();
            long[] values = new long[matches.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = valueOf(matches.get(i));
            }
            values[lpmPosition] &= masks[prefixLength(entry)];
            return new LongTuple(values);
        }

        private int prefixLength(TableEntry entry) {
            return ((FieldMatch.Lpm) entry.key().matches().get(lpmPosition)).prefixLength();
        }

        private void refreshProbes() {
            probes = byPrefixLength.entrySet().toArray(newProbes(byPrefixLength.size()));
        }

        @Override
        void add(TableEntry entry) {
            byPrefixLength.computeIfAbsent(prefixLength(entry), len -> new HashMap<>()).put(tupleOf(entry), entry);
            refreshProbes();
        }

        @Override
        void remove(TableEntry entry) {
            int length = prefixLength(entry);
            Map<LongTuple, TableEntry> bucket = byPrefixLength.get(length);
            bucket.remove(tupleOf(entry));
            if (bucket.isEmpty()) {
                byPrefixLength.remove(length);
            }
            refreshProbes();
        }

        @Override
        TableEntry lookup(BigInteger[] key) {
            long[] probe = toLongs(key);
            long lpmValue = probe[lpmPosition];
            for (Map.Entry<Integer, Map<LongTuple, TableEntry>> bucket : probes) {
                probe[lpmPosition] = lpmValue & masks[bucket.getKey()];
                TableEntry entry = bucket.getValue().get(new LongTuple(probe));
                if (entry != null) {
                    return entry;
                }
            }
            return null;
        }
    }

    /**
     * Ternary, range or optional fields (tuple space search). Entries without a range field are grouped by
     * their mask vector; a group is one hash map from masked key to its entries in priority order, so a
     * lookup costs one probe per distinct mask vector, and groups are visited in order of their best
     * priority so that the search stops once no group can win. Entries with a range field are scanned.
     * The winner is the highest priority, then the oldest entry.
     */
    static final class PriorityScan extends EntryIndex {
        private static final Comparator<Compiled> ORDER = Comparator
                .comparingInt((Compiled c) -> -c.entry.key().priority())
                .thenComparingLong(c -> c.entry.sequence());
        private final List<KeyField> fields;
        private final Map<LongTuple, MaskGroup> groups = new HashMap<>();
        private final List<Compiled> rangeEntries = new ArrayList<>();
        private volatile MaskGroup[] groupsByPriority = new MaskGroup[0];

        PriorityScan(List<KeyField> fields) {
            this.fields = List.copyOf(fields);
        }

        /** Per field: ranges test low..high (unsigned), everything else tests (key & mask) == value. */
        private static final class Compiled {
            final TableEntry entry;
            final long[] value;
            final long[] mask;
            final boolean[] isRange;
            final long[] low;
            final long[] high;
            final boolean hasRange;

            Compiled(TableEntry entry, List<KeyField> fields) {
                this.entry = entry;
                int n = fields.size();
                value = new long[n];
                mask = new long[n];
                isRange = new boolean[n];
                low = new long[n];
                high = new long[n];
                boolean anyRange = false;
                List<FieldMatch> matches = entry.key().matches();
                for (int i = 0; i < n; i++) {
                    FieldMatch match = matches.get(i);
                    int width = fields.get(i).bitwidth();
                    long all = width == 64 ? -1L : (1L << width) - 1;
                    if (match instanceof FieldMatch.Exact exact) {
                        value[i] = exact.value().longValue();
                        mask[i] = all;
                    } else if (match instanceof FieldMatch.Optional optional) {
                        value[i] = optional.value().longValue();
                        mask[i] = all;
                    } else if (match instanceof FieldMatch.Lpm lpm) {
                        mask[i] = prefixMask(width, lpm.prefixLength());
                        value[i] = lpm.value().longValue() & mask[i];
                    } else if (match instanceof FieldMatch.Ternary ternary) {
                        mask[i] = ternary.mask().longValue();
                        value[i] = ternary.value().longValue() & mask[i];
                    } else if (match instanceof FieldMatch.Range range) {
                        isRange[i] = true;
                        anyRange = true;
                        low[i] = range.low().longValue();
                        high[i] = range.high().longValue();
                    }
                }
                hasRange = anyRange;
            }

            boolean matches(long[] key) {
                for (int i = 0; i < key.length; i++) {
                    if (isRange[i]) {
                        if (Long.compareUnsigned(key[i], low[i]) < 0 || Long.compareUnsigned(key[i], high[i]) > 0) {
                            return false;
                        }
                    } else if ((key[i] & mask[i]) != value[i]) {
                        return false;
                    }
                }
                return true;
            }

            int priority() {
                return entry.key().priority();
            }
        }

        /** The entries sharing one mask vector, by masked value. */
        private static final class MaskGroup {
            final long[] mask;
            final Map<LongTuple, List<Compiled>> byValue = new HashMap<>();
            int size;
            int bestPriority;

            MaskGroup(long[] mask) {
                this.mask = mask;
            }

            TableEntry lookup(long[] key, long[] scratch) {
                for (int i = 0; i < key.length; i++) {
                    scratch[i] = key[i] & mask[i];
                }
                List<Compiled> candidates = byValue.get(new LongTuple(scratch));
                return candidates == null ? null : candidates.get(0).entry;
            }

            void refreshBestPriority() {
                int best = Integer.MIN_VALUE;
                for (List<Compiled> list : byValue.values()) {
                    best = Math.max(best, list.get(0).priority());
                }
                bestPriority = best;
            }
        }

        @Override
        void add(TableEntry entry) {
            Compiled compiled = new Compiled(entry, fields);
            if (compiled.hasRange) {
                insertOrdered(rangeEntries, compiled);
                return;
            }
            MaskGroup group = groups.computeIfAbsent(new LongTuple(compiled.mask), k -> new MaskGroup(compiled.mask));
            insertOrdered(group.byValue.computeIfAbsent(new LongTuple(compiled.value), k -> new ArrayList<>()),
                    compiled);
            group.size++;
            group.refreshBestPriority();
            reorderGroups();
        }

        private static void insertOrdered(List<Compiled> list, Compiled compiled) {
            int position = Collections.binarySearch(list, compiled, ORDER);
            list.add(position < 0 ? -position - 1 : position, compiled);
        }

        @Override
        void remove(TableEntry entry) {
            Compiled compiled = new Compiled(entry, fields);
            if (compiled.hasRange) {
                rangeEntries.removeIf(c -> c.entry == entry);
                return;
            }
            LongTuple maskKey = new LongTuple(compiled.mask);
            MaskGroup group = groups.get(maskKey);
            LongTuple valueKey = new LongTuple(compiled.value);
            List<Compiled> list = group.byValue.get(valueKey);
            list.removeIf(c -> c.entry == entry);
            if (list.isEmpty()) {
                group.byValue.remove(valueKey);
            }
            if (--group.size == 0) {
                groups.remove(maskKey);
            } else {
                group.refreshBestPriority();
            }
            reorderGroups();
        }

        private void reorderGroups() {
            MaskGroup[] ordered = groups.values().toArray(new MaskGroup[0]);
            Arrays.sort(ordered, Comparator.comparingInt((MaskGroup g) -> -g.bestPriority));
            groupsByPriority = ordered;
        }

        @Override
        TableEntry lookup(BigInteger[] key) {
            long[] values = toLongs(key);
            long[] scratch = new long[values.length];
            TableEntry best = null;
            for (MaskGroup group : groupsByPriority) {
                if (best != null && group.bestPriority < best.key().priority()) {
                    break;
                }
                TableEntry found = group.lookup(values, scratch);
                if (found != null && (best == null || beats(found, best))) {
                    best = found;
                }
            }
            for (Compiled compiled : rangeEntries) {
                if (best != null && !beats(compiled.entry, best)) {
                    break;
                }
                if (compiled.matches(values)) {
                    best = compiled.entry;
                    break;
                }
            }
            return best;
        }

        private static boolean beats(TableEntry candidate, TableEntry current) {
            int byPriority = Integer.compare(candidate.key().priority(), current.key().priority());
            return byPriority > 0 || byPriority == 0 && candidate.sequence() < current.sequence();
        }
    }
}
