package org.metrofabric.fabric.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricEvent;
import org.metrofabric.fabric.api.FabricView;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.LinkStatus;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.fabric.testing.OtherApp;
import org.metrofabric.pipeconf.MetroConstants;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.group.Group;

/**
 * One instance mastering every switch of metro-2x4. Latencies (us): leaf1-spine1 40,
 * leaf1-spine2 60, leaf4-spine1 200, leaf4-spine2 225; with 5 us per switch h1a to h4a takes
 * 255 us via spine1 and 300 us via spine2.
 */
class FabricManagerTest {
    private static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    private static final DeviceId SPINE2 = DeviceId.deviceId("device:spine2");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final DeviceId LEAF4 = DeviceId.deviceId("device:leaf4");
    private static final ConnectPoint SPINE1_TO_LEAF4 = ConnectPoint.deviceConnectPoint("device:spine1/4");
    private static final ConnectPoint LEAF4_TO_SPINE1 = ConnectPoint.deviceConnectPoint("device:leaf4/1");

    private Instances cluster;
    private FabricManager manager;

    @BeforeEach
    void start() {
        cluster = new Instances(FakeNetwork.shipped("metro-2x4"));
        cluster.network.devices().forEach(d -> cluster.mastership.setMaster(d, "a"));
        manager = cluster.start("a");
    }

    @AfterEach
    void stop() {
        manager.deactivate();
    }

    @Test
    void installsRoutesAndEcmpGroupsOnEverySwitch() {
        for (DeviceId device : cluster.network.devices()) {
            assertFalse(cluster.switches.rules(device, MetroConstants.ROUTING_V4).isEmpty(), device + " has routes");
        }
        // Each spine routes the four leaf subnets; each leaf reaches the other leaves over both spines.
        assertEquals(4, cluster.switches.rules(SPINE1, MetroConstants.ROUTING_V4).size());
        List<Group> leafGroups = cluster.switches.groups(LEAF1);
        assertEquals(1, leafGroups.size());
        assertEquals(2, leafGroups.get(0).buckets().buckets().size());
        assertEquals(1, cluster.switches.rules(LEAF1, MetroConstants.ECMP).size());
        cluster.switches.rules(LEAF1, MetroConstants.ROUTING_V4).forEach(rule ->
                assertTrue(rule.priority() == 24 || rule.priority() == 32, "LPM priority is the prefix length: " + rule));
    }

    @Test
    void admittedIntentIsPinnedAtBothLeavesAndReserved() {
        cluster.switches.clearWrites();
        IntentStatus status = manager.addIntent(PathIntentParser.parseCommand(
                "metro-path-add p1 h1a h4a --latency-us 260 --bandwidth-mbps 1000"));
        assertEquals(IntentState.INSTALLED, status.state());
        assertEquals(SPINE1, status.spine());
        assertEquals(255_000, status.latencyNanos());
        assertEquals(1000, status.reservedMbps());
        assertEquals(1, cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).size());
        assertEquals(1, cluster.switches.rules(LEAF4, MetroConstants.PATH_PINNING).size());
        assertEquals(List.of(LEAF1, LEAF4).size(), cluster.switches.writersByDevice().size(),
                "only the two leaves are written: " + cluster.switches.writes());
        FabricView view = manager.fabric();
        long reservedLinks = view.links().stream().filter(l -> l.reservedMbps() == 1000).count();
        assertEquals(2, reservedLinks);
        assertEquals(List.of(status), manager.intents());
    }

    @Test
    void rejectedIntentChangesNothing() {
        Map<DeviceId, String> before = cluster.switches.contents();
        cluster.switches.clearWrites();
        IntentRejectedException rejected = assertThrows(IntentRejectedException.class, () -> manager.addIntent(
                PathIntentParser.parseCommand("metro-path-add p1 h1a h4a --latency-us 250")));
        assertEquals("LATENCY", rejected.constraint());
        assertEquals(5_000, rejected.amount());
        assertTrue(manager.intents().isEmpty());
        assertTrue(cluster.switches.writes().isEmpty());
        assertEquals(before, cluster.switches.contents());
        assertTrue(manager.fabric().links().stream().allMatch(l -> l.reservedMbps() == 0));
    }

    @Test
    void aTakenNameIsRejected() {
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"));
        IntentRejectedException rejected = assertThrows(IntentRejectedException.class, () -> manager.addIntent(
                PathIntentParser.parseCommand("metro-path-add p1 h1b h4b")));
        assertEquals(IntentRejectedException.NAME_TAKEN, rejected.constraint());
        assertEquals(1, manager.intents().size());
        assertEquals("h1a", manager.intents().get(0).intent().user().toString());
    }

    @Test
    void linkFailureDegradesWhatNoLongerFitsAndMovesTheRest() {
        List<FabricEvent> events = new CopyOnWriteArrayList<>();
        manager.addListener(events::add);
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add loose h1b h4b --bandwidth-mbps 100"));
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add tight h1a h4a --latency-us 260"));
        assertEquals(SPINE1, manager.intent("loose").get().spine());
        assertEquals(SPINE1, manager.intent("tight").get().spine());

        cluster.network.setLinkUp(SPINE1_TO_LEAF4, LEAF4_TO_SPINE1, false);
        manager.awaitQueuedWork();

        IntentStatus tight = manager.intent("tight").get();
        assertEquals(IntentState.DEGRADED, tight.state());
        assertTrue(tight.reason().startsWith("LATENCY"), tight.reason());
        IntentStatus loose = manager.intent("loose").get();
        assertEquals(IntentState.INSTALLED, loose.state());
        assertEquals(SPINE2, loose.spine());
        // One pin left at each leaf (loose); leaf1 now reaches leaf4 only through spine2.
        assertEquals(1, cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).size());
        assertEquals(2, cluster.switches.groups(LEAF1).size());
        assertTrue(cluster.switches.groups(LEAF1).stream().anyMatch(g -> g.buckets().buckets().size() == 1));
        assertTrue(events.stream().anyMatch(e -> e.type() == FabricEvent.Type.INTENT_UPDATED
                && e.subject().name().equals("tight") && e.subject().state() == IntentState.DEGRADED), events.toString());

        cluster.network.setLinkUp(SPINE1_TO_LEAF4, LEAF4_TO_SPINE1, true);
        manager.awaitQueuedWork();
        assertEquals(IntentState.INSTALLED, manager.intent("tight").get().state());
        assertEquals(SPINE1, manager.intent("tight").get().spine());
        assertEquals(SPINE2, manager.intent("loose").get().spine(), "a path that still holds stays");
        assertEquals(1, cluster.switches.groups(LEAF1).size());
        assertEquals(2, cluster.switches.rules(LEAF4, MetroConstants.PATH_PINNING).size());
    }

    @Test
    void removingAnIntentFreesItsPinsAndBandwidth() {
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a --bandwidth-mbps 500"));
        assertTrue(manager.removeIntent("p1"));
        assertTrue(manager.intents().isEmpty());
        assertTrue(cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).isEmpty());
        assertTrue(cluster.switches.rules(LEAF4, MetroConstants.PATH_PINNING).isEmpty());
        assertTrue(manager.fabric().links().stream().mapToLong(LinkStatus::reservedMbps).sum() == 0);
        cluster.switches.clearWrites();
        assertFalse(manager.removeIntent("p1"));
        assertTrue(cluster.switches.writes().isEmpty());
    }

    @Test
    void aLeafWhoseConfigIsRemovedIsClearedAndProgrammedAgainWhenItIsBack() {
        OtherApp otherApp = new OtherApp(cluster.switches);
        otherApp.install(LEAF4, "a");
        manager.addIntent(PathIntentParser.parseCommand("metro-path-add p1 h1a h4a"));
        Map<DeviceId, String> programmed = cluster.switches.contents();

        cluster.network.removeConfig(LEAF4);
        manager.awaitQueuedWork();

        assertEquals(otherApp.rules(LEAF4), cluster.switches.rules(LEAF4), "only the other app's entry is left");
        assertEquals(otherApp.groups(LEAF4), cluster.switches.groups(LEAF4), "only the other app's group is left");
        assertEquals(3, cluster.switches.rules(SPINE1, MetroConstants.ROUTING_V4).size(), "spines stop routing to leaf4");
        assertTrue(cluster.switches.rules(LEAF1, MetroConstants.PATH_PINNING).isEmpty());
        IntentStatus p1 = manager.intent("p1").get();
        assertEquals(IntentState.DEGRADED, p1.state());
        assertTrue(p1.reason().startsWith("ENDPOINT"), p1.reason());

        cluster.network.restoreConfig(LEAF4);
        manager.awaitQueuedWork();
        assertEquals(IntentState.INSTALLED, manager.intent("p1").get().state());
        assertEquals(programmed, cluster.switches.contents(), "every switch is as before");
    }

    @Test
    void fabricViewListsRolesAndLinks() {
        FabricView view = manager.fabric();
        assertEquals(6, view.devices().size());
        assertEquals(SPINE1, view.devices().get(0).id());
        assertEquals(8, view.links().size());
        assertTrue(view.links().stream().allMatch(l -> l.link().isUp()));
        assertTrue(view.problems().isEmpty(), view.problems().toString());
    }
}
