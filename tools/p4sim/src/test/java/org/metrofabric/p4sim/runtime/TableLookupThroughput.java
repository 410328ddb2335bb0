package org.metrofabric.p4sim.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Lookup-cost probe (a main program, not a test): nanoseconds of this thread's CPU time per
 * {@link MatchTable#apply} for the table shapes a fabric uses: a 1,000-route LPM table, a 1,000-entry exact
 * table, a 500-entry ternary table (the path-pinning shape) and an action selector group of 4. Run from
 * tools/p4sim after {@code mvn test-compile} ({@code cp.txt} from {@code mvn dependency:build-classpath}):
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.metrofabric.p4sim.runtime.TableLookupThroughput}
 */
public final class TableLookupThroughput {
    private static final int KEYS = 1024;
    private static final TableDefaults NO_ACTION = new TableDefaults(ActionCall.of("NoAction"), false);

    private TableLookupThroughput() {
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static MatchTable table(List<KeyField> fields, List<Integer> selectorWidths, ActionProfile profile) {
        return new MatchTable(new MatchTable.Spec("t", fields, selectorWidths, List.of(), 4096, profile, true, false,
                false, false, NO_ACTION, List.of()));
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        MatchTable lpm = table(List.of(new KeyField("dst", 32, MatchKind.LPM)), List.of(), null);
        int[] lengths = {8, 16, 20, 24, 32};
        while (lpm.entryCount() < 1000) {
            int length = lengths[lpm.entryCount() % lengths.length];
            long value = (random.nextInt() & 0xffffffffL) & (0xffffffffL << (32 - length)) & 0xffffffffL;
            EntryKey key = new EntryKey(List.of(FieldMatch.lpm(big(value), length)), 0);
            if (lpm.entry(key) == null) {
                lpm.insert(key, ActionCall.of("route"));
            }
        }
        MatchTable exact = table(List.of(new KeyField("mac", 48, MatchKind.EXACT),
                new KeyField("vlan", 12, MatchKind.EXACT)), List.of(), null);
        for (int i = 0; i < 1000; i++) {
            exact.insert(new EntryKey(List.of(FieldMatch.exact(big(i * 7919L)), FieldMatch.exact(big(i % 4096))), 0),
                    ActionCall.of("bridge"));
        }
        MatchTable ternary = table(List.of(new KeyField("src", 32, MatchKind.TERNARY),
                new KeyField("dst", 32, MatchKind.TERNARY), new KeyField("dscp", 6, MatchKind.OPTIONAL)),
                List.of(), null);
        for (int i = 0; i < 500; i++) {
            ternary.insert(new EntryKey(List.of(FieldMatch.ternary(big(0x0b000000L + i), big(0xffffffffL)),
                    FieldMatch.ternary(big(0x0a000000L), big(0xff000000L)), FieldMatch.dontCare()), i + 1),
                    ActionCall.of("pin"));
        }
        ActionProfile selector = new ActionProfile("p", true, "crc16", 16);
        for (int member = 1; member <= 4; member++) {
            selector.addMember(member, ActionCall.of("uplink", big(member)));
        }
        selector.addGroup(1, List.of(1, 2, 3, 4));
        MatchTable ecmp = table(List.of(new KeyField("group", 16, MatchKind.EXACT)), List.of(32, 32, 8, 16, 16),
                selector);
        ecmp.insert(new EntryKey(List.of(FieldMatch.exact(big(1))), 0), new EntryAction.GroupRef(1));

        BigInteger[][] routes = new BigInteger[KEYS][];
        BigInteger[][] macs = new BigInteger[KEYS][];
        BigInteger[][] flows = new BigInteger[KEYS][];
        BigInteger[][] tuples = new BigInteger[KEYS][];
        for (int i = 0; i < KEYS; i++) {
            routes[i] = new BigInteger[] {big(random.nextInt() & 0xffffffffL)};
            macs[i] = new BigInteger[] {big((i % 1000) * 7919L), big(i % 1000 % 4096)};
            flows[i] = new BigInteger[] {big(0x0b000000L + random.nextInt(1000)), big(0x0a000001L), big(0)};
            tuples[i] = new BigInteger[] {big(1), big(random.nextInt() & 0xffffffffL), big(0x0a000001L), big(17),
                big(random.nextInt(65536)), big(53)};
        }
        measure("lpm, 1000 routes", i -> lpm.apply(routes[i], 64, 0));
        measure("exact, 1000 entries", i -> exact.apply(macs[i], 64, 0));
        measure("ternary, 500 entries", i -> ternary.apply(flows[i], 64, 0));
        measure("selector, group of 4", i -> ecmp.apply(tuples[i], 64, 0));
    }

    private static void measure(String name, Consumer<Integer> lookup) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2_000_000; i++) {
            lookup.accept(i & (KEYS - 1));
        }
        int count = 5_000_000;
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            lookup.accept(i & (KEYS - 1));
        }
        double nanos = (cpu.getCurrentThreadCpuTime() - start) / (double) count;
        System.out.printf("%-22s %6.0f ns per lookup of CPU time%n", name, nanos);
    }
}
