package org.metrofabric.p4sim.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random priority tables checked against the definition: among matching entries the highest priority wins,
 * and among equal priorities the oldest. Narrow widths exercise the tuple-space index, an 80-bit field the
 * BigInteger one.
 */
class PriorityLookupPropertyTest {
    private static final MatchKind[] KINDS = {MatchKind.EXACT, MatchKind.TERNARY, MatchKind.LPM,
        MatchKind.OPTIONAL, MatchKind.RANGE};

    @ParameterizedTest
    @ValueSource(ints = {8, 80})
    void lookupsAgreeWithBruteForce(int widestField) {
        Random random = new Random(widestField);
        for (int round = 0; round < 30; round++) {
            List<KeyField> fields = new ArrayList<>();
            int fieldCount = 1 + random.nextInt(3);
            for (int i = 0; i < fieldCount; i++) {
                MatchKind kind = i == 0 ? MatchKind.TERNARY : KINDS[random.nextInt(KINDS.length)];
                int width = i == 0 ? widestField : 2 + random.nextInt(6);
                fields.add(new KeyField("f" + i, width, kind));
            }
            MatchTable table = new MatchTable(new MatchTable.Spec("t", fields, List.of(), List.of(), 4096, null,
                    false, false, false, false, new TableDefaults(ActionCall.of("miss"), false), List.of()));
            for (int step = 0; step < 60; step++) {
                List<TableEntry> entries = table.entries();
                if (!entries.isEmpty() && random.nextInt(4) == 0) {
                    table.delete(entries.get(random.nextInt(entries.size())).key());
                    continue;
                }
                List<FieldMatch> matches = new ArrayList<>();
                for (KeyField field : fields) {
                    matches.add(randomMatch(field, random));
                }
                EntryKey key = new EntryKey(matches, 1 + random.nextInt(4));
                if (table.entry(key) == null) {
                    table.insert(key, ActionCall.of("e" + step));
                }
            }
            for (int probe = 0; probe < 200; probe++) {
                BigInteger[] key = new BigInteger[fields.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = small(fields.get(i).bitwidth(), random);
                }
                TableEntry expected = bruteForce(table, fields, key);
                TableResult result = table.apply(key, 64, 0);
                String expectedAction = expected == null ? "miss" : ((ActionCall) expected.action()).actionName();
                assertEquals(expectedAction, result.actionName(), "round " + round + " fields " + fields);
            }
        }
    }

    /** Values from a small range so that random entries and keys overlap often. */
    private static BigInteger small(int width, Random random) {
        BigInteger value = BigInteger.valueOf(random.nextInt(16));
        BigInteger shifted = width > 4 && random.nextBoolean() ? value.shiftLeft(width - 4) : value;
        return shifted.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    private static FieldMatch randomMatch(KeyField field, Random random) {
        int width = field.bitwidth();
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        switch (field.kind()) {
            case EXACT:
                return FieldMatch.exact(small(width, random));
            case LPM: {
                int length = random.nextInt(width + 1);
                BigInteger mask = FieldMatch.prefixMask(width, length);
                return FieldMatch.lpm(small(width, random).and(mask), length);
            }
            case OPTIONAL:
                return random.nextBoolean() ? FieldMatch.dontCare() : FieldMatch.optional(small(width, random));
            case RANGE: {
                if (random.nextInt(3) == 0) {
                    return FieldMatch.dontCare();
                }
                BigInteger a = small(width, random);
                BigInteger b = small(width, random);
                return FieldMatch.range(a.min(b), a.max(b));
            }
            default: {
                if (random.nextInt(4) == 0) {
                    return FieldMatch.dontCare();
                }
                BigInteger mask = small(width, random).or(random.nextBoolean() ? all : BigInteger.ZERO);
                return FieldMatch.ternary(small(width, random).and(mask), mask.signum() == 0 ? all : mask);
            }
        }
    }

    private static TableEntry bruteForce(MatchTable table, List<KeyField> fields, BigInteger[] key) {
        TableEntry best = null;
        for (TableEntry entry : table.entries()) {
            boolean matches = true;
            for (int i = 0; i < key.length && matches; i++) {
                matches = entry.key().matches().get(i).matches(key[i], fields.get(i).bitwidth());
            }
            if (matches && (best == null || entry.key().priority() > best.key().priority())) {
                best = entry;
            }
        }
        return best;
    }
}
