package org.metrofabric.fabric.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricEvent;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.pipeconf.MetroConstants;
import org.onosproject.net.DeviceId;

/**
 * Two app instances on one shared store, mastership split: instance a masters the spines, leaf1
 * and leaf2; instance b masters leaf3 and leaf4.
 */
class TwoInstancesTest {
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final DeviceId LEAF4 = DeviceId.deviceId("device:leaf4");
    private static final Set<String> B_DEVICES = Set.of("device:leaf3", "device:leaf4");

    private Instances cluster;
    private FabricManager a;
    private FabricManager b;

    @BeforeEach
    void start() {
        cluster = new Instances(FakeNetwork.shipped("metro-2x4"));
        for (DeviceId device : cluster.network.devices()) {
            cluster.mastership.setMaster(device, B_DEVICES.contains(device.toString()) ? "b" : "a");
        }
        a = cluster.start("a");
        b = cluster.start("b");
        Instances.settle(a, b);
    }

    @AfterEach
    void stop() {
        a.deactivate();
        b.deactivate();
    }

    private String masterOf(DeviceId device) {
        return B_DEVICES.contains(device.toString()) ? "b" : "a";
    }

    @Test
    void eachDeviceIsProgrammedOnceByItsMaster() {
        Map<DeviceId, List<String>> writers = cluster.switches.writersByDevice();
        assertEquals(cluster.network.devices(), writers.keySet());
        writers.forEach((device, by) -> assertEquals(List.of(masterOf(device)), by, device.toString()));
        // One flow-rule batch per device (plus its group writes): programmed exactly once.
        cluster.network.devices().forEach(device -> assertEquals(cluster.switches.rules(device).size(),
                cluster.switches.writes().stream().filter(w -> w.device.equals(device) && !w.what.contains("group")).count(),
                device + " rules written once each"));
    }

    @Test
    void anIntentAddedOnOneInstanceIsProgrammedByTheMastersOfItsLeaves() {
        cluster.switches.clearWrites();
        List<FabricEvent> seenByB = new CopyOnWriteArrayList<>();
        b.addListener(seenByB::add);
        a.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a --bandwidth-mbps 200"));
        Instances.settle(a, b);
        assertEquals(Map.of(LEAF1, List.of("a"), LEAF4, List.of("b")), cluster.switches.writersByDevice());
        assertEquals(1, cluster.switches.rules(LEAF4, MetroConstants.PATH_PINNING).size());
        assertEquals(IntentState.INSTALLED, b.intent("p1").get().state());
        assertEquals(a.intents(), b.intents());
        assertEquals(FabricEvent.Type.INTENT_ADDED, seenByB.get(0).type());
        assertEquals(a.intent("p1").get(), seenByB.get(0).subject());
    }

    @Test
    void aLeafLeavingTheFabricIsClearedOnlyByItsMaster() {
        cluster.switches.clearWrites();
        cluster.network.removeConfig(LEAF4);
        Instances.settle(a, b);
        assertTrue(cluster.switches.rules(LEAF4).isEmpty(), cluster.switches.rules(LEAF4).toString());
        assertTrue(cluster.switches.groups(LEAF4).isEmpty(), cluster.switches.groups(LEAF4).toString());
        cluster.switches.writersByDevice().forEach((device, by) ->
                assertEquals(List.of(masterOf(device)), by, device.toString()));

        cluster.switches.clearWrites();
        cluster.network.restoreConfig(LEAF4);
        Instances.settle(a, b);
        assertEquals(List.of("b"), cluster.switches.writersByDevice().get(LEAF4));
        assertEquals(1, cluster.switches.groups(LEAF4).size());
    }

    @Test
    void movingMastershipMovesTheWorkWithoutLosingAnIntent() {
        a.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"));
        Instances.settle(a, b);
        cluster.switches.clearWrites();

        cluster.mastership.moveMaster(LEAF4, "a");
        Instances.settle(a, b);
        assertTrue(cluster.switches.writes().isEmpty(), "the new master finds leaf4 already programmed: "
                + cluster.switches.writes());
        assertEquals(1, a.intents().size());
        assertEquals(1, b.intents().size());
        assertEquals(IntentState.INSTALLED, b.intent("p1").get().state());

        b.removeIntent("p1");
        Instances.settle(a, b);
        assertEquals(Map.of(LEAF1, List.of("a"), LEAF4, List.of("a")), cluster.switches.writersByDevice());
        assertTrue(cluster.switches.rules(LEAF4, MetroConstants.PATH_PINNING).isEmpty());
        assertTrue(a.intents().isEmpty());
    }
}
