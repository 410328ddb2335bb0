package org.metrofabric.p4sim.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTableTest {
    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static MatchTable table(List<KeyField> fields, List<ConstEntry> constEntries) {
        return new MatchTable(new MatchTable.Spec("t", fields, List.of(), List.of(), 1024, null, true, false,
                false, false, new TableDefaults(ActionCall.of("miss", big(9)), false), constEntries));
    }

    private static TableResult apply(MatchTable table, long... key) {
        BigInteger[] values = new BigInteger[key.length];
        for (int i = 0; i < key.length; i++) {
            values[i] = big(key[i]);
        }
        return table.apply(values, 64, 0);
    }

    @Test
    void longestPrefixWinsAndMissRunsDefault() {
        MatchTable t = table(List.of(new KeyField("dst", 32, MatchKind.LPM)), List.of());
        t.insert(new EntryKey(List.of(FieldMatch.lpm(big(0x0a000000L), 8)), 0), ActionCall.of("a", big(8)));
        t.insert(new EntryKey(List.of(FieldMatch.lpm(big(0x0a010000L), 16)), 0), ActionCall.of("a", big(16)));
        t.insert(new EntryKey(List.of(FieldMatch.lpm(big(0), 0)), 0), ActionCall.of("a", big(0)));
        assertEquals(List.of(big(16)), apply(t, 0x0a010203L).actionArgs());
        assertEquals(List.of(big(8)), apply(t, 0x0a020203L).actionArgs());
        assertEquals(List.of(big(0)), apply(t, 0x0b000000L).actionArgs());
        t.delete(new EntryKey(List.of(FieldMatch.lpm(big(0), 0)), 0));
        TableResult miss = apply(t, 0x0b000000L);
        assertFalse(miss.hit());
        assertEquals("miss", miss.actionName());
        assertEquals(List.of(big(9)), miss.actionArgs());
    }

    @Test
    void exactMatchWithLpmUsesBoth() {
        MatchTable t = table(List.of(new KeyField("vrf", 8, MatchKind.EXACT),
                new KeyField("dst", 32, MatchKind.LPM)), List.of());
        t.insert(new EntryKey(List.of(FieldMatch.exact(big(1)), FieldMatch.lpm(big(0x0a000000L), 8)), 0),
                ActionCall.of("a", big(1)));
        assertTrue(apply(t, 1, 0x0a0000ffL).hit());
        assertFalse(apply(t, 2, 0x0a0000ffL).hit());
    }

    @Test
    void higherPriorityWinsInTernaryTables() {
        MatchTable t = table(List.of(new KeyField("k", 16, MatchKind.TERNARY),
                new KeyField("r", 16, MatchKind.RANGE)), List.of());
        t.insert(new EntryKey(List.of(FieldMatch.ternary(big(0x0a00), big(0xff00)), FieldMatch.dontCare()), 5),
                ActionCall.of("low"));
        t.insert(new EntryKey(List.of(FieldMatch.dontCare(), FieldMatch.range(big(10), big(20))), 9),
                ActionCall.of("high"));
        assertEquals("high", apply(t, 0x0a01, 15).actionName());
        assertEquals("low", apply(t, 0x0a01, 21).actionName());
        assertFalse(apply(t, 0x0b01, 21).hit());
    }

    @Test
    void wideFieldsUseTheSameRules() {
        BigInteger net = new BigInteger("20010db8000000000000000000000000", 16);
        MatchTable lpm = table(List.of(new KeyField("v6", 128, MatchKind.LPM)), List.of());
        lpm.insert(new EntryKey(List.of(FieldMatch.lpm(net, 32)), 0), ActionCall.of("short"));
        lpm.insert(new EntryKey(List.of(FieldMatch.lpm(net.setBit(80), 48)), 0), ActionCall.of("long"));
        assertEquals("long", lpm.apply(new BigInteger[] {net.setBit(80).setBit(3)}, 64, 0).actionName());
        assertEquals("short", lpm.apply(new BigInteger[] {net.setBit(3)}, 64, 0).actionName());
        MatchTable ternary = table(List.of(new KeyField("v6", 128, MatchKind.TERNARY)), List.of());
        ternary.insert(new EntryKey(List.of(FieldMatch.ternary(net, net)), 1), ActionCall.of("low"));
        ternary.insert(new EntryKey(List.of(FieldMatch.ternary(net.setBit(127), net.setBit(127))), 2),
                ActionCall.of("high"));
        assertEquals("high", ternary.apply(new BigInteger[] {net.setBit(127)}, 64, 0).actionName());
        assertEquals("low", ternary.apply(new BigInteger[] {net}, 64, 0).actionName());
        MatchTable exact = table(List.of(new KeyField("v6", 128, MatchKind.EXACT)), List.of());
        exact.insert(new EntryKey(List.of(FieldMatch.exact(net)), 0), ActionCall.of("hit"));
        assertTrue(exact.apply(new BigInteger[] {net}, 64, 0).hit());
        assertFalse(exact.apply(new BigInteger[] {net.setBit(0)}, 64, 0).hit());
    }

    @Test
    void sixtyFourBitFieldsCompareUnsigned() {
        BigInteger top = BigInteger.ONE.shiftLeft(63);
        MatchTable range = table(List.of(new KeyField("r", 64, MatchKind.RANGE)), List.of());
        range.insert(new EntryKey(List.of(FieldMatch.range(top, top.add(big(10)))), 1), ActionCall.of("upper"));
        assertTrue(range.apply(new BigInteger[] {top.add(big(5))}, 64, 0).hit());
        assertFalse(range.apply(new BigInteger[] {big(5)}, 64, 0).hit());
        MatchTable lpm = table(List.of(new KeyField("a", 64, MatchKind.LPM)), List.of());
        lpm.insert(new EntryKey(List.of(FieldMatch.lpm(top, 1)), 0), ActionCall.of("half"));
        lpm.insert(new EntryKey(List.of(FieldMatch.lpm(top.add(BigInteger.ONE), 64)), 0), ActionCall.of("host"));
        assertEquals("host", lpm.apply(new BigInteger[] {top.add(BigInteger.ONE)}, 64, 0).actionName());
        assertEquals("half", lpm.apply(new BigInteger[] {top.add(big(2))}, 64, 0).actionName());
        assertFalse(lpm.apply(new BigInteger[] {big(2)}, 64, 0).hit());
    }

    @Test
    void constEntriesFollowProgramOrder() {
        List<KeyField> fields = List.of(new KeyField("k", 8, MatchKind.TERNARY));
        MatchTable t = table(fields, List.of(
                new ConstEntry(List.of(FieldMatch.ternary(big(1), big(1))), ActionCall.of("first")),
                new ConstEntry(List.of(FieldMatch.ternary(big(3), big(3))), ActionCall.of("second"))));
        assertEquals("first", apply(t, 3).actionName());
        assertTrue(t.entries().get(0).isConst());
    }

    @Test
    void directCounterCountsHitsOnly() {
        MatchTable t = table(List.of(new KeyField("k", 8, MatchKind.EXACT)), List.of());
        EntryKey key = new EntryKey(List.of(FieldMatch.exact(big(7))), 0);
        t.insert(key, ActionCall.of("a"));
        apply(t, 7);
        apply(t, 7);
        apply(t, 8);
        assertEquals(new CounterData(2, 128), t.entry(key).counterData());
    }

    @Test
    void selectorPicksHashModMembersByHandle() {
        ActionProfile profile = new ActionProfile("p", true, "identity", 16);
        for (int member = 1; member <= 4; member++) {
            profile.addMember(member, ActionCall.of("m", big(member)));
        }
        profile.addGroup(1, List.of(4, 2, 3));
        MatchTable t = new MatchTable(new MatchTable.Spec("t", List.of(new KeyField("k", 8, MatchKind.EXACT)),
                List.of(8), List.of(), 16, profile, false, false, false, false,
                new TableDefaults(ActionCall.of("NoAction"), false), List.of()));
        t.insert(new EntryKey(List.of(FieldMatch.exact(big(1))), 0), new EntryAction.GroupRef(1));
        // identity hash of one byte = the byte; members ordered by handle: 2, 3, 4
        assertEquals(List.of(big(2)), apply(t, 1, 3).actionArgs());
        assertEquals(List.of(big(3)), apply(t, 1, 4).actionArgs());
        assertEquals(List.of(big(4)), apply(t, 1, 5).actionArgs());
        profile.setGroupMembers(1, List.of());
        TableResult empty = apply(t, 1, 5);
        assertTrue(empty.hit());
        assertEquals(TableResult.NO_ACTION, empty.actionName());
    }

    @Test
    void removedMemberHandleIsReusedFirst() {
        ActionProfile profile = new ActionProfile("p", true, "identity", 16);
        profile.addMember(1, ActionCall.of("m", big(1)));
        profile.addMember(2, ActionCall.of("m", big(2)));
        profile.addMember(3, ActionCall.of("m", big(3)));
        profile.removeMember(1);
        profile.addMember(9, ActionCall.of("m", big(9)));
        profile.addGroup(1, List.of(2, 3, 9));
        assertEquals(List.of(9, 2, 3), profile.groupMembers(1));
    }
}
