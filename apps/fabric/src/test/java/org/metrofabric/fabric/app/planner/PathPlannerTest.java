package org.metrofabric.fabric.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.fabric.bench.FabricPlannerBenchmark;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;

/**
 * metro-2x4 one-way link latencies (us): leaf1-spine1 40, leaf1-spine2 60, leaf2-spine1 50,
 * leaf2-spine2 30, leaf3-spine1 15, leaf3-spine2 20, leaf4-spine1 200, leaf4-spine2 225; access
 * links 10 Gb/s. With 5 us per switch, h1a to h4a takes 255 us via spine1 and 300 us via spine2.
 */
class PathPlannerTest {
    private static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    private static final DeviceId SPINE2 = DeviceId.deviceId("device:spine2");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final DeviceId LEAF4 = DeviceId.deviceId("device:leaf4");

    private final PathPlanner planner = new PathPlanner(5_000);
    private final FabricSnapshot fabric = NetcfgFabrics.shipped("metro-2x4");

    private static List<PathIntent> intents(String... commands) {
        List<PathIntent> intents = new ArrayList<>();
        for (String command : commands) {
            intents.add(PathIntentParser.parseCommand(command));
        }
        return intents;
    }

    private PathDecision only(String command) {
        return planner.plan(fabric, intents(command), PathPlan.EMPTY).decision(PathIntentParser.parseCommand(command).name());
    }

    @Test
    void picksTheSpineThatMeetsTheBudget() {
        PathDecision decision = only("p h1a h4a --latency-us 260");
        assertEquals(IntentState.INSTALLED, decision.state());
        assertEquals(SPINE1, decision.path().spine());
        assertEquals(255_000, decision.path().latencyNanos());
        assertEquals(LEAF1, decision.path().userLeaf());
        assertEquals(LEAF4, decision.path().cloudLeaf());
    }

    @Test
    void rejectsAnImpossibleBudgetSayingByHowMuch() {
        PathDecision decision = only("p h1a h4a --latency-us 200");
        assertEquals(IntentState.REJECTED, decision.state());
        assertEquals(Constraint.LATENCY, decision.reason().constraint());
        assertEquals(55_000, decision.reason().amount());
        assertTrue(decision.reason().message().contains("via device:spine1) takes 255 us, over the 200 us budget by 55 us"),
                decision.reason().message());
    }

    @Test
    void prefersTheLeastReservedSpine() {
        PathPlan plan = planner.plan(fabric, intents("a h1a h3a --bandwidth-mbps 1000", "b h1b h3a --bandwidth-mbps 1000",
                "c h1a h4a", "d h1b h4a"), PathPlan.EMPTY);
        assertEquals(SPINE1, plan.decision("a").path().spine(), "equal start: spine order");
        assertEquals(SPINE2, plan.decision("b").path().spine(), "spine1's links now carry 1000 Mb/s");
        assertEquals(1000, plan.reservedMbps(RoutingPlannerTest.linkOf(fabric, "device:spine1", "device:leaf1")));
        assertEquals(1000, plan.reservedMbps(RoutingPlannerTest.linkOf(fabric, "device:spine2", "device:leaf3")));
        assertEquals(0, plan.reservedMbps(RoutingPlannerTest.linkOf(fabric, "device:spine1", "device:leaf4")));
        assertTrue(Set.of(SPINE1, SPINE2).contains(plan.decision("c").path().spine()));
        assertTrue(!plan.decision("c").path().spine().equals(plan.decision("d").path().spine()),
                "without bandwidth, intents spread by count");
    }

    @Test
    void rejectsOverCommittedBandwidthSayingByHowMuch() {
        PathPlan plan = planner.plan(fabric, intents("a h1a h4a --bandwidth-mbps 6000", "b h1b h4b --bandwidth-mbps 6000",
                "c h1a h4b --bandwidth-mbps 6000"), PathPlan.EMPTY);
        assertEquals(SPINE1, plan.decision("a").path().spine());
        assertEquals(SPINE2, plan.decision("b").path().spine());
        PathDecision c = plan.decision("c");
        assertEquals(IntentState.REJECTED, c.state());
        assertEquals(Constraint.BANDWIDTH, c.reason().constraint());
        assertEquals(2000, c.reason().amount());
        assertTrue(c.reason().message().contains("6000 Mb/s requested; the best path within the latency budget has 4000 Mb/s free"),
                c.reason().message());
        assertEquals(6000, plan.reservedMbps(RoutingPlannerTest.linkOf(fabric, "device:spine1", "device:leaf1")),
                "the rejected intent reserved nothing");
    }

    @Test
    void admittingARejectedIntentChangesNothingElse() {
        PathPlan current = planner.plan(fabric, intents("a h1a h4a --bandwidth-mbps 6000", "b h2a h3a"), PathPlan.EMPTY);
        PathPlan attempt = planner.admit(fabric, current, PathIntentParser.parseCommand("x h1b h4a --latency-us 100"));
        assertEquals(IntentState.REJECTED, attempt.decision("x").state());
        assertEquals(current.decision("a"), attempt.decision("a"));
        assertEquals(current.decision("b"), attempt.decision("b"));
        assertEquals(current.reservations(), attempt.reservations());
        PathPlan accepted = planner.admit(fabric, current, PathIntentParser.parseCommand("y h1b h4a --bandwidth-mbps 100"));
        assertEquals(IntentState.INSTALLED, accepted.decision("y").state());
        assertEquals(current.decision("a"), accepted.decision("a"));
        assertThrows(IllegalArgumentException.class, () -> planner.admit(fabric, current, PathIntentParser.parseCommand("a h1b h4a")));
    }

    @Test
    void endpointsMustBeKnownAndOnTheRightKindOfLeaf() {
        assertRejected("p h3a h4a", Constraint.ENDPOINT, "from: h3a is on device:leaf3, an edge-cloud leaf; the user end must be on an access leaf");
        assertRejected("p h1a h2a", Constraint.ENDPOINT, "to: h2a is on device:leaf2, an access leaf; the cloud end must be on an edge-cloud or core-cloud leaf");
        assertRejected("p h9z h4a", Constraint.ENDPOINT, "from: unknown host h9z");
        assertRejected("p 10.9.0.0/16 h4a", Constraint.ENDPOINT, "from: no leaf serves 10.9.0.0/16");
        assertRejected("p 10.1.0.0/16 h4a", Constraint.ENDPOINT, "from: no leaf serves 10.1.0.0/16");
    }

    @Test
    void prefixEndpointsResolveToTheirLeaf() {
        PathDecision decision = only("p 10.1.2.0/24 10.2.1.10 --latency-us 70");
        assertEquals(SPINE2, decision.path().spine(), "leaf2-spine2-leaf3: 30 + 20 + 15 = 65 us");
        assertEquals(IpPrefix.valueOf("10.1.2.0/24"), decision.path().userPrefix());
        assertEquals(IpPrefix.valueOf("10.2.1.10/32"), decision.path().cloudPrefix());
    }

    @Test
    void samePrefixPairCannotBePinnedTwice() {
        PathPlan plan = planner.plan(fabric, intents("a h1a h4a", "b 10.1.1.10 10.3.1.10"), PathPlan.EMPTY);
        assertEquals(Constraint.DUPLICATE_PATH, plan.decision("b").reason().constraint());
        assertTrue(plan.decision("b").reason().message().contains("intent a already pins 10.1.1.10/32 to 10.3.1.10/32"));
    }

    @Test
    void pinsBothDirectionsAtTheTwoLeaves() {
        PathPlan plan = planner.plan(fabric, intents("p h1a h4a --latency-us 260"), PathPlan.EMPTY);
        Map<DeviceId, List<PathPin>> pins = plan.pins(fabric);
        MacAddress spine1 = MacAddress.valueOf("00:aa:00:00:00:01");
        assertEquals(List.of(new PathPin("p", IpPrefix.valueOf("10.1.1.10/32"), IpPrefix.valueOf("10.3.1.10/32"),
                new NextHop(PortNumber.portNumber(1), MacAddress.valueOf("00:bb:00:00:00:01"), spine1))), pins.get(LEAF1));
        assertEquals(List.of(new PathPin("p", IpPrefix.valueOf("10.3.1.10/32"), IpPrefix.valueOf("10.1.1.10/32"),
                new NextHop(PortNumber.portNumber(1), MacAddress.valueOf("00:bb:00:00:00:04"), spine1))), pins.get(LEAF4));
        assertEquals(2, pins.size());
        assertEquals(64, pins.get(LEAF1).get(0).priority());
    }

    @Test
    void spineFailureMovesOnlyAffectedIntentsAndDegradesThoseWhoseSlaCannotHold() {
        List<PathIntent> intents = intents("tight h1a h4a --latency-us 260", "loose h1b h4b", "edge h2a h3a --latency-us 100",
                "other h2b h3a --latency-us 70");
        PathPlan before = planner.plan(fabric, intents, PathPlan.EMPTY);
        assertEquals(SPINE1, before.decision("tight").path().spine());
        assertEquals(SPINE2, before.decision("loose").path().spine());
        assertEquals(SPINE1, before.decision("edge").path().spine());
        assertEquals(SPINE2, before.decision("other").path().spine(), "65 us via spine2 is the only fit");

        FabricSnapshot failed = fabric.withDeviceUp(SPINE1, false);
        PathPlan after = planner.plan(failed, intents, before);
        PathDecision tight = after.decision("tight");
        assertEquals(IntentState.DEGRADED, tight.state(), "300 us via spine2 breaks the 260 us budget");
        assertEquals(Constraint.LATENCY, tight.reason().constraint());
        assertEquals(40_000, tight.reason().amount());
        assertEquals(SPINE2, after.decision("edge").path().spine(), "re-placed: 95 us within 100");
        assertSame(before.decision("loose"), after.decision("loose"), "unaffected intents are kept as they were");
        assertSame(before.decision("other"), after.decision("other"));
        assertEquals(Set.of(LEAF1, LEAF4, DeviceId.deviceId("device:leaf2"), DeviceId.deviceId("device:leaf3")),
                after.pinDevicesChangedSince(before));

        PathPlan recovered = planner.plan(fabric, intents, after);
        assertEquals(IntentState.INSTALLED, recovered.decision("tight").state());
        assertEquals(SPINE1, recovered.decision("tight").path().spine());
        assertEquals(SPINE2, recovered.decision("edge").path().spine(), "a working path is not moved back");
    }

    @Test
    void linkFailureMovesIntentsOffTheLink() {
        List<PathIntent> intents = intents("a h1a h4a", "b h1b h3a");
        PathPlan before = planner.plan(fabric, intents, PathPlan.EMPTY);
        assertEquals(SPINE1, before.decision("a").path().spine());
        PathPlan after = planner.plan(fabric.withLinkUp(RoutingPlannerTest.linkOf(fabric, "device:spine1", "device:leaf4"), false),
                intents, before);
        assertEquals(SPINE2, after.decision("a").path().spine());
        assertEquals(300_000, after.decision("a").path().latencyNanos());
        assertSame(before.decision("b"), after.decision("b"));
    }

    @Test
    void isolatedCloudLeafLeavesNoPath() {
        FabricSnapshot isolated = fabric.withLinkUp(RoutingPlannerTest.linkOf(fabric, "device:spine1", "device:leaf4"), false)
                .withLinkUp(RoutingPlannerTest.linkOf(fabric, "device:spine2", "device:leaf4"), false);
        PathDecision decision = planner.plan(isolated, intents("p h1a h4a"), PathPlan.EMPTY).decision("p");
        assertEquals(Constraint.NO_PATH, decision.reason().constraint());
        assertEquals("no live spine links device:leaf1 and device:leaf4", decision.reason().message());
        assertNull(decision.path());
        assertEquals(0, decision.reservedMbps());
    }

    @Test
    void replanAfterTopologyChangesEqualsFullPlan() {
        FabricSnapshot fabric4x8 = NetcfgFabrics.shipped("metro-4x8");
        List<PathIntent> offered = FabricPlannerBenchmark.intents(fabric4x8, 64, 7);
        PathPlan admitted = planner.plan(fabric4x8, offered, PathPlan.EMPTY);
        // The service stores only the intents it admitted.
        List<PathIntent> many = new ArrayList<>();
        admitted.decisions().values().stream().filter(d -> d.state() != IntentState.REJECTED).forEach(d -> many.add(d.intent()));
        PathPlan base = planner.plan(fabric4x8, many, admitted);
        FabricSnapshot spineDown = fabric4x8.withDeviceUp(DeviceId.deviceId("device:spine3"), false);
        FabricSnapshot linkDown = spineDown.withLinkUp(RoutingPlannerTest.linkOf(fabric4x8, "device:spine1", "device:leaf7"), false);
        PathPlan full = base;
        PathPlan incremental = base;
        for (FabricSnapshot step : List.of(spineDown, linkDown, spineDown, fabric4x8)) {
            full = planner.plan(step, many, full);
            incremental = planner.replan(step, incremental);
            assertEquals(full.decisions(), incremental.decisions());
            assertEquals(full.reservations(), incremental.reservations());
        }
        assertTrue(base.count(IntentState.INSTALLED) > 40, "most intents fit: " + base.count(IntentState.INSTALLED));
        assertTrue(planner.replan(linkDown, base).count(IntentState.DEGRADED) > 0, "some SLAs cannot hold");
        PathPlan afterFailure = planner.replan(spineDown, base);
        assertTrue(afterFailure.decisions().values().stream().anyMatch(d -> d != base.decision(d.intent().name())),
                "the failure moved some intents");
        assertTrue(afterFailure.decisions().values().stream().anyMatch(d -> d == base.decision(d.intent().name())),
                "and kept others");
    }

    @Test
    void fullPinTableRejectsAndDegrades() {
        PathPlanner twoPins = new PathPlanner(5_000, 2);
        List<PathIntent> intents = intents("a h1a h4a", "b h1b h4a", "c h2a h4a", "d h2b h3a");
        PathPlan plan = twoPins.plan(fabric, intents, PathPlan.EMPTY);
        assertEquals(IntentState.INSTALLED, plan.decision("b").state());
        PathDecision c = plan.decision("c");
        assertEquals(Constraint.TABLE_SPACE, c.reason().constraint());
        assertEquals("the path_pinning table of device:leaf4 is full (2 entries)", c.reason().message());
        assertEquals(IntentState.INSTALLED, plan.decision("d").state());
        assertEquals(2, plan.pins(fabric).get(LEAF4).size());

        List<PathIntent> admitted = intents("a h1a h4a", "b h1b h4a", "d h2b h3a");
        PathPlan stored = twoPins.plan(fabric, admitted, plan);
        PathPlan smaller = new PathPlanner(5_000, 1).replan(fabric, stored);
        assertEquals(IntentState.INSTALLED, smaller.decision("a").state());
        assertEquals(IntentState.DEGRADED, smaller.decision("b").state(), "leaf1 and leaf4 hold one pin each now");
        assertEquals(Constraint.TABLE_SPACE, smaller.decision("b").reason().constraint());
    }

    @Test
    void deterministic() {
        List<PathIntent> intents = intents("a h1a h4a --bandwidth-mbps 10", "b h1b h3a", "c h2a h4b --latency-us 300");
        assertEquals(planner.plan(fabric, intents, PathPlan.EMPTY).decisions(),
                planner.plan(NetcfgFabrics.shipped("metro-2x4"), intents, PathPlan.EMPTY).decisions());
    }

    @Test
    void duplicateIntentNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> planner.plan(fabric, intents("a h1a h4a", "a h1b h4a"), PathPlan.EMPTY));
    }

    private void assertRejected(String command, Constraint constraint, String message) {
        PathDecision decision = only(command);
        assertEquals(IntentState.REJECTED, decision.state(), command);
        assertEquals(constraint, decision.reason().constraint(), command);
        assertEquals(message, decision.reason().message());
    }
}
