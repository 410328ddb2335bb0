package org.metrofabric.fabric.app.programmer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.app.planner.NextHop;
import org.metrofabric.fabric.app.planner.PathPin;
import org.metrofabric.fabric.app.planner.RoutingPlanner;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.metrofabric.pipeconf.MetroConstants;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.flow.instructions.PiInstruction;
import org.onosproject.net.group.GroupBucket;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiTableAction;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;

/** metro-2x4: leaf1 has hosts h1a, h1b; the other leaves' subnets are 10.1.2.0/24 .. 10.1.4.0/24. */
class FlowRulePlanTest {
    private static final ApplicationId APP = new DefaultApplicationId(42, "org.metrofabric.fabric");
    private static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final DeviceId LEAF4 = DeviceId.deviceId("device:leaf4");

    private final FabricSnapshot fabric = NetcfgFabrics.shipped("metro-2x4");

    private Map<DeviceId, DeviceProgram> plan(FabricSnapshot snapshot, Map<DeviceId, List<PathPin>> pins) {
        return FlowRulePlan.of(APP, new RoutingPlanner().plan(snapshot), pins);
    }

    private static List<FlowRule> rules(DeviceProgram program, Object table) {
        return program.rules().stream().filter(r -> r.table().equals(table)).collect(Collectors.toList());
    }

    private static PiTableAction action(FlowRule rule) {
        return ((PiInstruction) rule.treatment().allInstructions().get(0)).action();
    }

    private static PiCriterion match(FlowRule rule) {
        return (PiCriterion) rule.selector().getCriterion(Criterion.Type.PROTOCOL_INDEPENDENT);
    }

    @Test
    void leafRoutesOtherLeavesThroughOneSelectGroupAndItsHostsDirectly() {
        DeviceProgram leaf1 = plan(fabric, Map.of()).get(LEAF1);
        assertEquals(1, leaf1.groups().size());
        GroupDescription group = leaf1.groups().values().iterator().next();
        assertEquals(GroupDescription.Type.SELECT, group.type());
        assertEquals(FlowRulePlan.groupKey(1), group.appCookie());
        assertEquals(APP, group.appId());
        List<Long> ports = new ArrayList<>();
        for (GroupBucket bucket : group.buckets().buckets()) {
            PiAction action = (PiAction) ((PiInstruction) bucket.treatment().allInstructions().get(0)).action();
            assertEquals(MetroConstants.SET_NEXT_HOP, action.id());
            ports.add(action.parameters().stream().filter(p -> p.id().equals(MetroConstants.PORT)).findFirst()
                    .get().value().asReadOnlyBuffer().getLong());
        }
        assertEquals(List.of(1L, 2L), ports);

        List<FlowRule> ecmp = rules(leaf1, MetroConstants.ECMP);
        assertEquals(1, ecmp.size());
        assertEquals(PiActionProfileGroupId.of(1), action(ecmp.get(0)));

        List<FlowRule> routes = rules(leaf1, MetroConstants.ROUTING_V4);
        assertEquals(3 + 2, routes.size(), "three other leaf subnets and two hosts");
        for (FlowRule route : routes) {
            PiLpmFieldMatch lpm = (PiLpmFieldMatch) match(route).fieldMatches().iterator().next();
            assertEquals(lpm.prefixLength(), route.priority(), "LPM priority is the prefix length");
            PiAction action = (PiAction) action(route);
            assertEquals(lpm.prefixLength() == 32 ? MetroConstants.SET_NEXT_HOP : MetroConstants.ROUTE_VIA_UPLINKS,
                    action.id());
            assertEquals(APP.id(), route.appId());
            assertTrue(route.isPermanent());
        }
    }

    @Test
    void spineRoutesEachLeafSubnetToItsLeaf() {
        DeviceProgram spine = plan(fabric, Map.of()).get(SPINE1);
        assertTrue(spine.groups().isEmpty());
        assertEquals(4, spine.rules().size());
        assertTrue(spine.rules().stream().allMatch(r -> ((PiAction) action(r)).id().equals(MetroConstants.SET_NEXT_HOP)));
    }

    @Test
    void pinsBecomeTernaryEntriesWithTheSumOfPrefixLengthsAsPriority() {
        PathPin pin = new PathPin("p1", IpPrefix.valueOf("10.1.1.10/32"), IpPrefix.valueOf("10.1.4.0/24"),
                new NextHop(PortNumber.portNumber(1), MacAddress.valueOf("00:bb:00:00:00:01"),
                        MacAddress.valueOf("00:aa:00:00:00:01")));
        DeviceProgram leaf1 = plan(fabric, Map.of(LEAF1, List.of(pin))).get(LEAF1);
        List<FlowRule> pins = rules(leaf1, MetroConstants.PATH_PINNING);
        assertEquals(1, pins.size());
        assertEquals(56, pins.get(0).priority());
        PiTernaryFieldMatch dst = (PiTernaryFieldMatch) match(pins.get(0)).fieldMatch(MetroConstants.HDR_IPV4_DST_ADDR).get();
        assertEquals("ffffff00", dst.mask().toString().replace("0x", ""));
        assertEquals(FlowRulePlan.setNextHop(pin.nextHop()), action(pins.get(0)));
    }

    @Test
    void aLeafThatLostASpineGetsASecondGroupAndTheFirstKeepsItsId() {
        FabricSnapshot failed = fabric.withLinkUp(new LinkId(ConnectPoint.deviceConnectPoint("device:spine1/4"),
                ConnectPoint.deviceConnectPoint("device:leaf4/1")), false);
        DeviceProgram leaf1 = plan(failed, Map.of()).get(LEAF1);
        assertEquals(List.of(FlowRulePlan.groupKey(1), FlowRulePlan.groupKey(2)), new ArrayList<>(leaf1.groups().keySet()));
        assertEquals(2, leaf1.groups().get(FlowRulePlan.groupKey(1)).buckets().buckets().size());
        assertEquals(1, leaf1.groups().get(FlowRulePlan.groupKey(2)).buckets().buckets().size());
        assertEquals(2, rules(leaf1, MetroConstants.ECMP).size());
        assertTrue(plan(failed, Map.of()).containsKey(LEAF4));
    }
}
