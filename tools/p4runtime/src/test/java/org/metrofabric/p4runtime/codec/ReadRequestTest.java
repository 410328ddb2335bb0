package org.metrofabric.p4runtime.codec;

import org.junit.jupiter.api.Test;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiTableId;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadRequestTest {

    @Test
    void tableReadsAskForDirectCountersOnlyWhereTheyExist() {
        TableEntry stateful = P4Infos.codec("stateful").encodeTableRead(PiTableId.of("StIngress.classifier"))
                .getTableEntry();
        assertEquals(45328245, stateful.getTableId());
        assertTrue(stateful.hasCounterData());
        assertEquals(0, stateful.getMatchCount());
        TableEntry routing = P4Infos.codec("routing").encodeTableRead(PiTableId.of("RoutingIngress.ipv4_lpm"))
                .getTableEntry();
        assertFalse(routing.hasCounterData());
        TableEntry defaultEntry = P4Infos.codec("routing")
                .encodeDefaultEntryRead(PiTableId.of("RoutingIngress.ipv4_lpm")).getTableEntry();
        assertTrue(defaultEntry.getIsDefaultAction());
    }

    @Test
    void profileMeterAndPreReads() {
        P4RuntimeCodec ecmp = P4Infos.codec("ecmp");
        PiActionProfileId uplinks = PiActionProfileId.of("EcmpIngress.uplinks");
        assertEquals(292153490, ecmp.encodeMemberRead(uplinks).getActionProfileMember().getActionProfileId());
        assertEquals(0, ecmp.encodeGroupRead(uplinks).getActionProfileGroup().getGroupId());
        Entity meter = P4Infos.codec("meters").encodeMeterReadAll(PiMeterId.of("MtIngress.policer"));
        assertEquals(337203057, meter.getMeterEntry().getMeterId());
        assertFalse(meter.getMeterEntry().hasIndex());
        assertEquals(0, ecmp.encodeMulticastGroupRead().getPacketReplicationEngineEntry()
                .getMulticastGroupEntry().getMulticastGroupId());
        assertTrue(ecmp.encodeCloneSessionRead().getPacketReplicationEngineEntry().hasCloneSessionEntry());
        assertThrows(P4RuntimeException.class, () -> ecmp.encodeTableRead(PiTableId.of("Nope.table")));
    }
}
