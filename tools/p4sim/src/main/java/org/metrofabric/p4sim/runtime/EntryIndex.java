package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How a table finds the entry a key hits; chosen from the table's match kinds. */
abstract class EntryIndex {
    abstract void add(TableEntry entry);

    abstract void remove(TableEntry entry);

    /** The winning entry, or null on a miss; {@code key} holds one value per match field. */
    abstract TableEntry lookup(BigInteger[] key);

    static EntryIndex forFields(List<KeyField> fields) {
        long lpmCount = fields.stream().filter(f -> f.kind() == MatchKind.LPM).count();
        boolean needsPriority = fields.stream().anyMatch(f -> f.kind() == MatchKind.TERNARY
                || f.kind() == MatchKind.RANGE || f.kind() == MatchKind.OPTIONAL);
        boolean narrow = NarrowEntryIndex.fits(fields);
        if (needsPriority || lpmCount > 1) {
            return narrow ? new NarrowEntryIndex.PriorityScan(fields) : new PriorityScan(fields);
        }
        if (lpmCount == 1) {
            return narrow ? new NarrowEntryIndex.LongestPrefix(fields) : new LongestPrefix(fields);
        }
        return narrow ? new NarrowEntryIndex.Exact() : new Exact();
    }

    /** All fields exact: one hash lookup. */
    static final class Exact extends EntryIndex {
        private final Map<KeyTuple, TableEntry> entries = new HashMap<>();

        private static KeyTuple tupleOf(TableEntry entry) {
            List<FieldMatch> matches = entry.key().matches();
            BigInteger[] values = new BigInteger[matches.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((FieldMatch.Exact) matches.get(i)).value();
            }
            return new KeyTuple(values);
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
            return entries.get(new KeyTuple(key.clone()));
        }
    }

    /**
     * Exact fields plus one LPM field: one hash map per prefix length in use, probed from the longest
     * prefix down, so a lookup costs one probe per distinct prefix length.
     */
    static final class LongestPrefix extends EntryIndex {
        private final int lpmPosition;
        private final int lpmWidth;
        private final TreeMap<Integer, Map<KeyTuple, TableEntry>> byPrefixLength =
                new TreeMap<>(Comparator.reverseOrder());
        private final Map<Integer, BigInteger> masks = new HashMap<>();

        LongestPrefix(List<KeyField> fields) {
            int position = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).kind() == MatchKind.LPM) {
                    position = i;
                }
            }
            lpmPosition = position;
            lpmWidth = fields.get(position).bitwidth();
        }

        private BigInteger mask(int prefixLength) {
            return masks.computeIfAbsent(prefixLength, len -> FieldMatch.prefixMask(lpmWidth, len));
        }

        private KeyTuple tupleOf(TableEntry entry) {
            List<FieldMatch> matches = entry.key().matches();
            BigInteger[] values = new BigInteger[matches.size()];
            for (int i = 0; i < values.length; i++) {
                FieldMatch match = matches.get(i);
                if (match instanceof FieldMatch.Lpm lpm) {
                    values[i] = lpm.value().and(mask(lpm.prefixLength()));
                } else {
                    values[i] = ((FieldMatch.Exact) match).value();
                }
            }
            return new KeyTuple(values);
        }

        private int prefixLength(TableEntry entry) {
            return ((FieldMatch.Lpm) entry.key().matches().get(lpmPosition)).prefixLength();
        }

        @Override
        void add(TableEntry entry) {
            byPrefixLength.computeIfAbsent(prefixLength(entry), len -> new HashMap<>())
                    .put(tupleOf(entry), entry);
        }

        @Override
        void remove(TableEntry entry) {
            int length = prefixLength(entry);
            Map<KeyTuple, TableEntry> bucket = byPrefixLength.get(length);
            bucket.remove(tupleOf(entry));
            if (bucket.isEmpty()) {
                byPrefixLength.remove(length);
            }
        }

        @Override
        TableEntry lookup(BigInteger[] key) {
            BigInteger lpmValue = key[lpmPosition];
            for (Map.Entry<Integer, Map<KeyTuple, TableEntry>> bucket : byPrefixLength.entrySet()) {
                BigInteger[] probe = key.clone();
                probe[lpmPosition] = lpmValue.and(mask(bucket.getKey()));
                TableEntry entry = bucket.getValue().get(new KeyTuple(probe));
                if (entry != null) {
                    return entry;
                }
            }
            return null;
        }
    }

    /**
     * Ternary, range or optional fields: entries in priority order (higher first, then older first), first
     * match wins.
     */
    static final class PriorityScan extends EntryIndex {
        private static final Comparator<TableEntry> ORDER = Comparator
                .comparingInt((TableEntry e) -> -e.key().priority())
                .thenComparingLong(TableEntry::sequence);
        private final int[] widths;
        private final List<TableEntry> ordered = new ArrayList<>();

        PriorityScan(List<KeyField> fields) {
            widths = fields.stream().mapToInt(KeyField::bitwidth).toArray();
        }

        @Override
        void add(TableEntry entry) {
            int position = java.util.Collections.binarySearch(ordered, entry, ORDER);
            ordered.add(position < 0 ? -position - 1 : position, entry);
        }

        @Override
        void remove(TableEntry entry) {
            ordered.remove(entry);
        }

        @Override
        TableEntry lookup(BigInteger[] key) {
            for (TableEntry entry : ordered) {
                if (matchesAll(entry.key().matches(), key)) {
                    return entry;
                }
            }
            return null;
        }

        private boolean matchesAll(List<FieldMatch> matches, BigInteger[] key) {
            for (int i = 0; i < key.length; i++) {
                if (!matches.get(i).matches(key[i], widths[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
