package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF2;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE1;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE2;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.PingSession;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.group.GroupService;

/**
 * Real packets over routes an ONOS app would install: h1a (leaf1) pings h2a (leaf2) across the
 * spines, with ECMP groups on the leaves and a pinned path whose direct counter comes back as
 * flow entry statistics.
 */
class RoutingThroughOnosTest {
    private static final String LEAF1_MAC = "00:bb:00:00:00:01";
    private static final String LEAF2_MAC = "00:bb:00:00:00:02";
    private static final String SPINE1_MAC = "00:aa:00:00:00:01";
    private static final String SPINE2_MAC = "00:aa:00:00:00:02";

    private final Fabric fabric = OnosFixture.fabric();
    private final EmbeddedOnos onos = connect(fabric);
    private final ControllerInstance controller = onos.addInstance("c1");
    private final FlowRuleService flows = controller.service(FlowRuleService.class);
    private final GroupService groups = controller.service(GroupService.class);

    /** How the embedded ONOS reaches the switches; {@link RoutingOverP4RuntimeTest} goes over gRPC. */
    EmbeddedOnos connect(Fabric emulated) {
        return OnosFixture.onos(emulated);
    }

    @AfterEach
    void disconnect() {
        onos.close();
    }

    RoutingThroughOnosTest() {
        uplinkEcmp(LEAF1, LEAF1_MAC);
        uplinkEcmp(LEAF2, LEAF2_MAC);
        flows.applyFlowRules(
                MetroRules.route(LEAF1, "10.1.1.10/32", setNextHop(3, LEAF1_MAC, "00:00:0a:01:01:0a")),
                MetroRules.route(LEAF1, "10.1.2.0/24", MetroRules.viaUplinks(1)),
                MetroRules.route(LEAF2, "10.1.2.10/32", setNextHop(3, LEAF2_MAC, "00:00:0a:01:02:0a")),
                MetroRules.route(LEAF2, "10.1.1.0/24", MetroRules.viaUplinks(1)),
                MetroRules.route(SPINE1, "10.1.1.0/24", setNextHop(1, SPINE1_MAC, LEAF1_MAC)),
                MetroRules.route(SPINE1, "10.1.2.0/24", setNextHop(2, SPINE1_MAC, LEAF2_MAC)),
                MetroRules.route(SPINE2, "10.1.1.0/24", setNextHop(1, SPINE2_MAC, LEAF1_MAC)),
                MetroRules.route(SPINE2, "10.1.2.0/24", setNextHop(2, SPINE2_MAC, LEAF2_MAC)));
    }

    /** ECMP group 1 of a leaf: its uplinks (port 1 to spine1, port 2 to spine2); the group goes first. */
    private void uplinkEcmp(DeviceId leaf, String leafMac) {
        groups.addGroup(MetroRules.uplinkGroup(leaf, 1, List.of(
                setNextHop(1, leafMac, SPINE1_MAC), setNextHop(2, leafMac, SPINE2_MAC))));
        flows.applyFlowRules(MetroRules.ecmpEntry(leaf, 1, 1));
    }

    @Test
    void pingCrossesTheFabricOnInstalledRoutes() {
        PingSession ping = fabric.host("h1a").ping(fabric.host("h2a").ip(), 3, SimTime.millis(1));
        fabric.scheduler().runUntilIdle();
        assertEquals(3, ping.received());
    }

    @Test
    void aPinnedPathCountsItsPacketsInTheFlowEntry() {
        FlowRule pin = MetroRules.pin(LEAF1, "10.1.1.10", "10.1.2.10", setNextHop(2, LEAF1_MAC, SPINE2_MAC), 10);
        flows.applyFlowRules(pin);
        long spine2Before = fabric.switchNode("spine2").processedFrames();
        PingSession ping = fabric.host("h1a").ping(fabric.host("h2a").ip(), 4, SimTime.millis(1));
        fabric.scheduler().runUntilIdle();
        assertEquals(4, ping.received());
        FlowEntry entry = flows.getFlowEntry(pin);
        assertEquals(4, entry.packets(), "the four echo requests took the pinned path");
        assertEquals(4 * (14 + 20 + 8 + 56), entry.bytes());
        assertEquals(FlowEntry.FlowEntryState.ADDED, entry.state());
        long spine2Requests = fabric.switchNode("spine2").processedFrames() - spine2Before;
        assertTrue(spine2Requests >= 4, "requests went through spine2, saw " + spine2Requests);
    }
}
