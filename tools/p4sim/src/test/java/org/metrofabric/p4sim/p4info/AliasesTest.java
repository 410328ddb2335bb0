package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AliasesTest {
    @Test
    void aliasIsTheShortestSuffixNoOtherNameShares() {
        Aliases aliases = new Aliases();
        for (String name : new String[] {"d.a.c", "e.b.c", "Ingress.drop", "Egress.drop", "Ingress.routing",
                                         "NoAction", "x.y.z", "y.z"}) {
            aliases.add(name);
        }
        assertEquals("a.c", aliases.alias("d.a.c"));
        assertEquals("b.c", aliases.alias("e.b.c"));
        assertEquals("Ingress.drop", aliases.alias("Ingress.drop"));
        assertEquals("routing", aliases.alias("Ingress.routing"));
        assertEquals("NoAction", aliases.alias("NoAction"));
        assertEquals("x.y.z", aliases.alias("x.y.z"));
        assertEquals("y.z", aliases.alias("y.z"));
    }

    @Test
    void addingANameTwiceCountsItOnce() {
        Aliases aliases = new Aliases();
        aliases.add("Ingress.t");
        aliases.add("Ingress.t");
        assertEquals("t", aliases.alias("Ingress.t"));
    }
}
