package org.metrofabric.p4runtime.codec;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
import p4.config.v1.P4InfoOuterClass.ActionRef;
import p4.config.v1.P4InfoOuterClass.P4Info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class P4InfoIndexTest {

    @Test
    void namesAndIdsResolveBothWays() {
        P4InfoIndex index = P4Infos.index("matchkinds");
        TableInfo rules = index.table("MIngress.rules");
        assertEquals(41814509, rules.id());
        assertEquals("MIngress.rules", index.table(41814509).name());
        assertEquals(3, rules.matchField("hdr.key.tag").getId());
        assertEquals("hdr.key.addr", rules.matchField(4).getName());
        assertTrue(rules.needsPriority());
        assertFalse(index.table("MIngress.byLpm").needsPriority());
        assertTrue(index.table("MIngress.fixed").isConst());
        ActionInfo hit = index.action("MIngress.hit");
        assertEquals(29681879, hit.id());
        assertEquals(48, hit.param("p48").getBitwidth());
        assertEquals("p12", hit.param(3).getName());
    }

    @Test
    void directResourcesProfilesAndControllerHeaders() {
        TableInfo classifier = P4Infos.index("stateful").table("StIngress.classifier");
        assertEquals(324324358, classifier.directCounterId().orElseThrow());
        assertEquals(352785573, P4Infos.index("meters").table("MtIngress.police").directMeterId().orElseThrow());
        P4InfoIndex ecmp = P4Infos.index("ecmp");
        assertEquals(292153490, ecmp.table("EcmpIngress.ecmp_route").implementationId());
        assertTrue(ecmp.actionProfile(292153490).getWithSelector());
        P4InfoIndex packetio = P4Infos.index("packetio");
        assertEquals(9, packetio.controllerHeader(P4InfoIndex.PACKET_IN).metadata("ingress_port").getBitwidth());
        assertEquals("egress_port", packetio.controllerHeader(P4InfoIndex.PACKET_OUT).metadata(1).getName());
        assertFalse(ecmp.hasControllerHeader(P4InfoIndex.PACKET_IN));
    }

    @Test
    void actionScopesDecideWhatEntriesAndTheDefaultMayUse() {
        P4Info ecmp = P4Infos.index("ecmp").p4Info();
        P4Info.Builder withTableOnly = ecmp.toBuilder();
        withTableOnly.getTablesBuilder(0).getActionRefsBuilder(0).setScope(ActionRef.Scope.TABLE_ONLY);
        TableInfo route = P4InfoIndex.of(withTableOnly.build()).table("EcmpIngress.ecmp_route");
        int setUplink = 29527313;
        int drop = 20040080;
        int noAction = 21257015;
        assertTrue(route.allowsInEntries(setUplink));
        assertFalse(route.allowsAsDefault(setUplink), "@tableonly");
        assertTrue(route.allowsInEntries(drop));
        assertTrue(route.allowsAsDefault(drop));
        assertFalse(route.allowsInEntries(noAction), "@defaultonly");
        assertTrue(route.allowsAsDefault(noAction));
        assertFalse(route.allowsInEntries(12345));
        assertFalse(route.allowsAsDefault(12345));
        assertTrue(route.findActionRef(12345).isEmpty());
        assertEquals(ActionRef.Scope.DEFAULT_ONLY, route.findActionRef(noAction).orElseThrow().getScope());
    }

    @Test
    void registersAndImplementations() {
        P4InfoIndex stateful = P4Infos.index("stateful");
        assertEquals(64, stateful.findRegister("StIngress.seq").orElseThrow().getSize());
        assertEquals(370060041, stateful.findRegister("StIngress.seq").orElseThrow().getPreamble().getId());
        assertTrue(stateful.implementationOf(stateful.table("StIngress.classifier")).isEmpty());
        P4InfoIndex ecmp = P4Infos.index("ecmp");
        assertEquals(292153490, ecmp.implementationOf(ecmp.table("EcmpIngress.ecmp_route")).orElseThrow()
                .getPreamble().getId());
    }

    @Test
    void findLookupsAreEmptyWhereTheThrowingOnesWouldThrow() {
        P4InfoIndex stateful = P4Infos.index("stateful");
        assertTrue(stateful.findTable("StIngress.classifier").isPresent());
        assertTrue(stateful.findTable(stateful.table("StIngress.classifier").id()).isPresent());
        assertTrue(stateful.findTable("Nope.t").isEmpty());
        assertTrue(stateful.findTable(99).isEmpty());
        assertTrue(stateful.findAction("Nope.a").isEmpty());
        assertTrue(stateful.findActionProfile("Nope.p").isEmpty());
        assertTrue(stateful.findCounter("Nope.c").isEmpty());
        assertTrue(stateful.findDirectCounter("Nope.dc").isEmpty());
        assertTrue(stateful.findMeter("Nope.m").isEmpty());
        assertTrue(stateful.findDirectMeter("Nope.dm").isEmpty());
        assertTrue(stateful.findRegister("Nope.r").isEmpty());
    }

    @Test
    void unknownNamesAndIdsAreInvalidArguments() {
        P4InfoIndex index = P4Infos.index("routing");
        P4RuntimeException table = assertThrows(P4RuntimeException.class, () -> index.table(99));
        assertEquals(Status.Code.INVALID_ARGUMENT, table.code());
        assertTrue(table.getMessage().contains("table id 99"), table.getMessage());
        P4RuntimeException action = assertThrows(P4RuntimeException.class, () -> index.action("Nope.x"));
        assertTrue(action.getMessage().contains("'Nope.x'"), action.getMessage());
        P4RuntimeException field = assertThrows(P4RuntimeException.class,
                () -> index.table("RoutingIngress.ipv4_lpm").matchField("hdr.ipv4.ttl"));
        assertTrue(field.getMessage().contains("RoutingIngress.ipv4_lpm"), field.getMessage());
        assertThrows(P4RuntimeException.class, () -> index.meter(1));
        assertThrows(P4RuntimeException.class, () -> index.controllerHeader(P4InfoIndex.PACKET_OUT));
    }

    @Test
    void brokenP4InfoIsRejected() {
        P4Info routing = P4Infos.index("routing").p4Info();
        P4Info duplicate = routing.toBuilder().addActions(routing.getActions(0)).build();
        P4RuntimeException e = assertThrows(P4RuntimeException.class, () -> P4InfoIndex.of(duplicate));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        int actionId = routing.getActions(0).getPreamble().getId();
        assertTrue(e.getMessage().contains("action id " + actionId + " appears twice"), e.getMessage());
        P4Info dangling = routing.toBuilder().setTables(0, routing.getTables(0).toBuilder()
                .addActionRefs(p4.config.v1.P4InfoOuterClass.ActionRef.newBuilder().setId(5))).build();
        assertThrows(P4RuntimeException.class, () -> P4InfoIndex.of(dangling));
        assertThrows(P4RuntimeException.class, () -> P4InfoIndex.parseText("tables { preamble { id: "));
    }
}
