package org.metrofabric.p4runtime.codec;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
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
