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
     * Ternary, range or optional fields: entries compiled to value/mask (or bounds) words, scanned in priority
     * order (higher first, then older first).
     */
    static final class PriorityScan extends EntryIndex {
        private static final Comparator<Compiled> ORDER = Comparator
                .comparingInt((Compiled c) -> -c.entry.key().priority())
                .thenComparingLong(c -> c.entry.sequence());
        private final List<KeyField> fields;
        private final List<Compiled> ordered = new ArrayList<>();

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

            Compiled(TableEntry entry, List<KeyField> fields) {
                this.entry = entry;
                int n = fields.size();
                value = new long[n];
                mask = new long[n];
                isRange = new boolean[n];
                low = new long[n];
                high = new long[n];
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
                        low[i] = range.low().longValue();
                        high[i] = range.high().longValue();
                    }
                }
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
        }

        @Override
        void add(TableEntry entry) {
            Compiled compiled = new Compiled(entry, fields);
            int position = Collections.binarySearch(ordered, compiled, ORDER);
            ordered.add(position < 0 ? -position - 1 : position, compiled);
        }

        @Override
        void remove(TableEntry entry) {
            ordered.removeIf(c -> c.entry == entry);
        }

        @Override
        TableEntry lookup(BigInteger[] key) {
            long[] values = toLongs(key);
            for (Compiled compiled : ordered) {
                if (compiled.matches(values)) {
                    return compiled.entry;
                }
            }
            return null;
        }
    }
}
