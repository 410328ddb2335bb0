package org.metrofabric.fabric.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricHost;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;

class RoutingPlannerTest {
    private static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    private static final DeviceId SPINE2 = DeviceId.deviceId("device:spine2");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final DeviceId LEAF4 = DeviceId.deviceId("device:leaf4");
    private static final MacAddress SPINE1_MAC = MacAddress.valueOf("00:aa:00:00:00:01");
    private static final MacAddress SPINE2_MAC = MacAddress.valueOf("00:aa:00:00:00:02");
    private static final MacAddress LEAF1_MAC = MacAddress.valueOf("00:bb:00:00:00:01");

    private final RoutingPlanner planner = new RoutingPlanner();
    private final FabricSnapshot fabric = NetcfgFabrics.shipped("metro-2x4");

    private static Route routeTo(DeviceRoutes routes, String prefix) {
        return routes.routes().stream().filter(r -> r.prefix().equals(IpPrefix.valueOf(prefix))).findFirst().orElse(null);
    }

    private static NextHop uplink(long port, MacAddress spineMac) {
        return new NextHop(PortNumber.portNumber(port), LEAF1_MAC, spineMac);
    }

    @Test
    void leafRoutesOtherLeavesViaEcmpOverAllSpinesAndItsHostsDirectly() {
        DeviceRoutes leaf1 = planner.plan(fabric).routesOf(LEAF1);
        EcmpGroup bothSpines = new EcmpGroup(List.of(uplink(1, SPINE1_MAC), uplink(2, SPINE2_MAC)));
        for (String subnet : List.of("10.1.2.0/24", "10.2.1.0/24", "10.3.1.0/24")) {
            assertEquals(Route.toGroup(IpPrefix.valueOf(subnet), bothSpines), routeTo(leaf1, subnet));
        }
        assertEquals(Route.toNextHop(IpPrefix.valueOf("10.1.1.10/32"),
                        new NextHop(PortNumber.portNumber(3), LEAF1_MAC, MacAddress.valueOf("00:00:0a:01:01:0a"))),
                routeTo(leaf1, "10.1.1.10/32"));
        assertNull(routeTo(leaf1, "10.1.1.0/24"), "a leaf does not route its own subnet to the spines");
        assertEquals(Set.of(bothSpines), leaf1.groups(), "one group shared by all remote subnets");
        assertEquals(2 + 3 + 2, leaf1.tableEntries(), "2 host routes, 3 subnet routes, 2 group members");
    }

    @Test
    void spineRoutesEachLeafSubnetToItsLeaf() {
        DeviceRoutes spine2 = planner.plan(fabric).routesOf(SPINE2);
        assertEquals(4, spine2.routes().size());
        assertEquals(Route.toNextHop(IpPrefix.valueOf("10.3.1.0/24"),
                        new NextHop(PortNumber.portNumber(4), SPINE2_MAC, MacAddress.valueOf("00:bb:00:00:00:04"))),
                routeTo(spine2, "10.3.1.0/24"));
        assertTrue(spine2.groups().isEmpty());
    }

    @Test
    void neverTransitsALeaf() {
        FabricSnapshot fabric4x8 = NetcfgFabrics.shipped("metro-4x8");
        FabricSnapshot degraded = fabric4x8.withLinkUp(linkOf(fabric4x8, "device:spine2", "device:leaf3"), false);
        for (FabricSnapshot snapshot : List.of(fabric4x8, degraded)) {
            RoutingPlan plan = planner.plan(snapshot);
            Set<MacAddress> spineMacs = snapshot.spines().stream().map(FabricDevice::routerMac).collect(Collectors.toSet());
            Set<MacAddress> hostMacs = snapshot.hosts().stream().map(FabricHost::mac).collect(Collectors.toSet());
            for (FabricDevice device : snapshot.devices().values()) {
                for (Route route : plan.routesOf(device.id()).routes()) {
                    List<NextHop> hops = route.group() != null ? route.group().members() : List.of(route.nextHop());
                    for (NextHop hop : hops) {
                        if (device.isSpine()) {
                            DeviceId owner = snapshot.leafServing(route.prefix());
                            assertEquals(snapshot.device(owner).routerMac(), hop.dstMac(), "spine sends only to the owning leaf");
                        } else {
                            assertTrue(spineMacs.contains(hop.dstMac()) || hostMacs.contains(hop.dstMac()),
                                    device.id() + " " + route + " leads to another leaf");
                        }
                    }
                }
            }
        }
    }

    @Test
    void entriesGrowWithLeavesAndHosts() {
        FabricSnapshot fabric4x8 = NetcfgFabrics.shipped("metro-4x8");
        RoutingPlan plan = planner.plan(fabric4x8);
        for (FabricDevice leaf : fabric4x8.leaves()) {
            assertEquals(2 + 7 + 4, plan.routesOf(leaf.id()).tableEntries(), "2 hosts, 7 other leaves, 4 uplinks");
        }
        for (FabricDevice spine : fabric4x8.spines()) {
            assertEquals(8, plan.routesOf(spine.id()).tableEntries());
        }
    }

    @Test
    void spineFailureShrinksEveryGroupAndLeavesTheSpineWithoutRoutes() {
        RoutingPlan before = planner.plan(fabric);
        RoutingPlan after = planner.plan(fabric.withDeviceUp(SPINE1, false));
        assertEquals(Route.toGroup(IpPrefix.valueOf("10.3.1.0/24"), new EcmpGroup(List.of(uplink(2, SPINE2_MAC)))),
                routeTo(after.routesOf(LEAF1), "10.3.1.0/24"));
        assertTrue(after.routesOf(SPINE1).routes().isEmpty());
        assertEquals(after.routesOf(SPINE2), before.routesOf(SPINE2));
        Set<DeviceId> changed = after.changedSince(before);
        assertTrue(changed.contains(SPINE1) && changed.contains(LEAF1) && !changed.contains(SPINE2), changed.toString());
        assertTrue(after.unreachable().isEmpty());
        assertEquals(before.routes(), planner.plan(fabric).routes(), "recovery restores the same routes");
    }

    @Test
    void linkFailureAvoidsOnlyTheSpineThatLostTheLeaf() {
        RoutingPlan before = planner.plan(fabric);
        RoutingPlan after = planner.plan(fabric.withLinkUp(linkOf(fabric, "device:spine1", "device:leaf4"), false));
        DeviceRoutes leaf1 = after.routesOf(LEAF1);
        assertEquals(new EcmpGroup(List.of(uplink(2, SPINE2_MAC))), routeTo(leaf1, "10.3.1.0/24").group());
        assertEquals(2, routeTo(leaf1, "10.2.1.0/24").group().members().size(), "other destinations keep both spines");
        assertNull(routeTo(after.routesOf(SPINE1), "10.3.1.0/24"), "spine1 cannot reach leaf4 and must not route to it");
        assertNotNull(routeTo(after.routesOf(SPINE1), "10.2.1.0/24"));
        Set<DeviceId> changed = after.changedSince(before);
        assertEquals(new HashSet<>(List.of(SPINE1, LEAF1, DeviceId.deviceId("device:leaf2"), DeviceId.deviceId("device:leaf3"), LEAF4)), changed,
                "spine2 keeps its routes");
    }

    @Test
    void isolatedLeafIsReportedUnreachable() {
        FabricSnapshot isolated = fabric.withLinkUp(linkOf(fabric, "device:spine1", "device:leaf4"), false)
                .withLinkUp(linkOf(fabric, "device:spine2", "device:leaf4"), false);
        RoutingPlan plan = planner.plan(isolated);
        assertTrue(plan.unreachable().contains(List.of(LEAF1, LEAF4)));
        assertTrue(plan.unreachable().contains(List.of(LEAF4, LEAF1)));
        assertNull(routeTo(plan.routesOf(LEAF1), "10.3.1.0/24"));
        assertEquals(2, plan.routesOf(LEAF4).routes().size(), "leaf4 still serves its own hosts");
    }

    @Test
    void deterministic() {
        assertEquals(planner.plan(fabric).routes(), planner.plan(NetcfgFabrics.shipped("metro-2x4")).routes());
    }

    static LinkId linkOf(FabricSnapshot snapshot, String spine, String leaf) {
        return snapshot.links().stream().map(l -> l.id())
                .filter(id -> id.spine().equals(DeviceId.deviceId(spine)) && id.leaf().equals(DeviceId.deviceId(leaf)))
                .findFirst().orElseThrow(() -> new AssertionError("no link " + spine + "-" + leaf));
    }
}
