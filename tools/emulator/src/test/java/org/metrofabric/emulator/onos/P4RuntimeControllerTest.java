package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.emulator.onos.OnosFixture.PIPECONF;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.pipeconf.MetroConstants;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.p4runtime.api.P4RuntimeClient;
import org.onosproject.p4runtime.api.P4RuntimeController;
import org.onosproject.p4runtime.api.P4RuntimeReadClient;
import org.onosproject.p4runtime.api.P4RuntimeWriteClient;

/** The P4RuntimeController an app uses for indirect counters, reads and direct writes. */
class P4RuntimeControllerTest {
    private static final long P4_DEVICE_ID = 3;

    private final Fabric fabric = OnosFixture.fabric();
    private final EmbeddedOnos onos = connect(fabric);
    private final ControllerInstance c1 = onos.addInstance("c1");
    private final P4RuntimeClient client = c1.service(P4RuntimeController.class).get(LEAF1);
    private final PiTableEntry route = new FlowRuleTranslator(PIPECONF.pipelineModel()).translate(
            MetroRules.route(LEAF1, "10.1.1.10/32", setNextHop(3, "00:bb:00:00:00:01", "00:00:0a:01:01:0a")));

    /** How the embedded ONOS reaches the switches; {@link P4RuntimeControllerOverP4RuntimeTest} goes over gRPC. */
    EmbeddedOnos connect(Fabric emulated) {
        return OnosFixture.onos(emulated);
    }

    @AfterEach
    void disconnect() {
        onos.close();
    }

    @Test
    void indirectCountersAreReadThroughTheClient() {
        fabric.host("h1a").ping(fabric.host("h2a").ip(), 2, SimTime.millis(1));
        fabric.scheduler().runUntilIdle();
        P4RuntimeReadClient.ReadResponse response = client.read(P4_DEVICE_ID, PIPECONF)
                .counterCells(MetroConstants.DROP_COUNTER).submitSync();
        assertTrue(response.isSuccess());
        PiCounterCell routeMiss = response.all(PiCounterCell.class).stream()
                .filter(cell -> cell.cellId().index() == MetroConstants.DROP_ROUTE_MISS).findFirst().orElseThrow();
        assertEquals(2, routeMiss.data().packets(), "no routes yet: both echo requests missed");
    }

    @Test
    void writesApplyEachUpdateAndDeletesResolveHandles() {
        P4RuntimeWriteClient.WriteResponse inserted = client.write(P4_DEVICE_ID, PIPECONF)
                .insert(route).insert(route).submitSync();
        assertEquals(1, inserted.success().size());
        assertEquals(P4RuntimeWriteClient.EntityUpdateStatus.ALREADY_EXIST,
                inserted.failed().iterator().next().status());
        PiTableEntry onSwitch = client.read(P4_DEVICE_ID, PIPECONF).tableEntries(MetroConstants.ROUTING_V4)
                .submitSync().all(PiTableEntry.class).iterator().next();
        assertTrue(client.write(P4_DEVICE_ID, PIPECONF).delete(onSwitch.handle(LEAF1)).submitSync().isSuccess());
        assertTrue(onos.client(LEAF1).readTable(MetroConstants.ROUTING_V4).isEmpty());
        P4RuntimeWriteClient.WriteResponse again = client.write(P4_DEVICE_ID, PIPECONF)
                .delete(onSwitch.handle(LEAF1)).submitSync();
        assertEquals(P4RuntimeWriteClient.EntityUpdateStatus.NOT_FOUND, again.failed().iterator().next().status());
    }

    @Test
    void onlyContinueOnErrorIsApplied() {
        P4RuntimeWriteClient.WriteResponse response = client.write(P4_DEVICE_ID, PIPECONF)
                .withAtomicity(P4RuntimeWriteClient.Atomicity.ROLLBACK_ON_ERROR).insert(route).submitSync();
        assertFalse(response.isSuccess());
        assertTrue(onos.client(LEAF1).readTable(MetroConstants.ROUTING_V4).isEmpty());
    }

    @Test
    void readsItCannotServeFailWithTheReason() {
        P4RuntimeReadClient.ReadResponse response = client.read(P4_DEVICE_ID, PIPECONF)
                .meterCells(PiMeterId.of("IngressPipe.some_meter")).submitSync();
        assertFalse(response.isSuccess());
        assertTrue(response.explanation().contains("meter cells of IngressPipe.some_meter"), response.explanation());
    }

    @Test
    void sessionStateFollowsAvailabilityAndMastership() {
        ControllerInstance c2 = onos.addInstance("c2");
        P4RuntimeClient fromC2 = c2.service(P4RuntimeController.class).get(LEAF1);
        assertTrue(client.isMaster(P4_DEVICE_ID));
        assertFalse(fromC2.isMaster(P4_DEVICE_ID));
        onos.setMaster(LEAF1, "c2");
        assertTrue(fromC2.isMaster(P4_DEVICE_ID));
        onos.failSwitch("leaf1");
        assertFalse(client.isSessionOpen(P4_DEVICE_ID));
        assertTrue(client.isPipelineConfigSetSync(P4_DEVICE_ID, PIPECONF));
    }
}
