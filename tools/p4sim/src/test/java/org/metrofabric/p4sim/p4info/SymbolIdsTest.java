package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.SourceLocation;
import p4.config.v1.P4InfoOuterClass.P4Ids.Prefix;

class SymbolIdsTest {
    private static final SourceLocation AT = new SourceLocation("t.p4", 3, 5);

    @Test
    void hashedIdsAreThoseP4cWrote() {
        SymbolIds ids = new SymbolIds();
        ids.declare(Prefix.TABLE, "IoIngress.acl", null, AT);
        ids.declare(Prefix.ACTION, "NoAction", null, AT);
        ids.declare(Prefix.ACTION_PROFILE, "EcmpIngress.uplinks", null, AT);
        ids.declare(Prefix.CONTROLLER_HEADER, "packet_in_t", null, AT);
        ids.assign();
        assertEquals(41887037, ids.id(Prefix.TABLE, "IoIngress.acl"));
        assertEquals(21257015, ids.id(Prefix.ACTION, "NoAction"));
        assertEquals(292153490, ids.id(Prefix.ACTION_PROFILE, "EcmpIngress.uplinks"));
        assertEquals(80671331, ids.id(Prefix.CONTROLLER_HEADER, "packet_in_t"));
    }

    @Test
    void collidingNamesAreProbedInSortedOrder() {
        String[] pair = collidingPair();
        String first = pair[0].compareTo(pair[1]) < 0 ? pair[0] : pair[1];
        String second = first.equals(pair[0]) ? pair[1] : pair[0];
        SymbolIds ids = new SymbolIds();
        ids.declare(Prefix.TABLE, second, null, AT);   // declaration order must not matter
        ids.declare(Prefix.TABLE, first, null, AT);
        ids.assign();
        int hash = SymbolIds.jenkinsOneAtATime(first) & 0xffffff;
        assertEquals(0x02000000 | hash, ids.id(Prefix.TABLE, first));
        assertEquals(0x02000000 | ((hash + 1) & 0xffffff), ids.id(Prefix.TABLE, second));
    }

    @Test
    void userIdsAreReservedFirstAndGetTheirPrefix() {
        int hashed = 0x01000000 | (SymbolIds.jenkinsOneAtATime("C.a") & 0xffffff);
        SymbolIds ids = new SymbolIds();
        ids.declare(Prefix.ACTION, "C.a", null, AT);
        ids.declare(Prefix.ACTION, "C.b", (long) (hashed & 0xffffff), AT);  // no prefix: gets 0x01
        ids.assign();
        assertEquals(hashed, ids.id(Prefix.ACTION, "C.b"));
        assertEquals(hashed + 1, ids.id(Prefix.ACTION, "C.a"));
    }

    @Test
    void userIdWithAnotherKindsPrefixIsRejected() {
        SymbolIds ids = new SymbolIds();
        P4CompileException e = assertThrows(P4CompileException.class,
                () -> ids.declare(Prefix.TABLE, "C.t", 0x01000005L, AT));
        assertTrue(e.getMessage().startsWith("t.p4:3:5: error: @id of 'C.t' has the wrong 8-bit prefix"),
                e.getMessage());
    }

    @Test
    void duplicateUserIdIsRejected() {
        SymbolIds ids = new SymbolIds();
        ids.declare(Prefix.TABLE, "C.t", 7L, AT);
        P4CompileException e = assertThrows(P4CompileException.class,
                () -> ids.declare(Prefix.TABLE, "C.u", 7L, AT));
        assertTrue(e.getMessage().contains("already assigned"), e.getMessage());
    }

    /** Two names whose 24-bit hash suffixes collide (found by search: by the birthday bound a few thousand suffice). */
    private static String[] collidingPair() {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String name = "C.t" + i;
            String other = seen.putIfAbsent(SymbolIds.jenkinsOneAtATime(name) & 0xffffff, name);
            if (other != null) {
                return new String[] {other, name};
            }
        }
    }
}
