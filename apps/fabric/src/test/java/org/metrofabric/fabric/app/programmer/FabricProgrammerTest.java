package org.metrofabric.fabric.app.programmer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.app.planner.RoutingPlanner;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.fabric.testing.FakeSwitches;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.metrofabric.fabric.testing.OtherApp;
import org.metrofabric.fabric.testing.SplitMastership;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;

/**
 * The programmer on metro-2x4, instance "a" mastering every switch unless a test says otherwise;
 * leaf1 first gets its full program, then drops out of the desired set.
 */
class FabricProgrammerTest {
    private static final ApplicationId APP = new DefaultApplicationId(42, "org.metrofabric.fabric");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");

    private final FakeNetwork network = FakeNetwork.shipped("metro-2x4");
    private final FakeSwitches switches = new FakeSwitches();
    private final SplitMastership mastership = new SplitMastership();
    private final OtherApp otherApp = new OtherApp(switches);
    private final Map<DeviceId, DeviceProgram> everything = FlowRulePlan.of(APP,
            new RoutingPlanner().plan(NetcfgFabrics.shipped("metro-2x4")), Map.of());
    private FabricProgrammer programmer;

    @BeforeEach
    void programEverySwitch() {
        network.devices().forEach(d -> mastership.setMaster(d, "a"));
        programmer = new FabricProgrammer(APP, switches.flowRuleService("a"), switches.groupService("a"),
                mastership.serviceFor("a"), network.deviceService());
        programmer.program(everything);
        otherApp.install(LEAF1, "other");
        assertEquals(2, switches.groups(LEAF1).size(), "leaf1 has an ECMP group of each app");
        switches.clearWrites();
    }

    private Map<DeviceId, DeviceProgram> withoutLeaf1() {
        Map<DeviceId, DeviceProgram> desired = new LinkedHashMap<>(everything);
        desired.remove(LEAF1);
        return desired;
    }

    @Test
    void aSwitchLeftOutOfTheFabricLosesTheAppsEntriesThenItsGroups() {
        Map<DeviceId, DeviceDiff> written = programmer.program(withoutLeaf1());

        assertEquals(List.of(LEAF1), List.copyOf(written.keySet()), "only leaf1 changes: " + written);
        assertEquals(everything.get(LEAF1).rules().size(), written.get(LEAF1).rulesToRemove().size());
        assertEquals(everything.get(LEAF1).groups().size(), written.get(LEAF1).groupsToRemove().size());
        assertEquals(otherApp.rules(LEAF1), switches.rules(LEAF1), "only the other app's entry is left");
        assertEquals(otherApp.groups(LEAF1), switches.groups(LEAF1), "only the other app's group is left");
        List<FakeSwitches.Write> writes = switches.writes();
        int firstGroupRemoval = writes.indexOf(writes.stream().filter(w -> w.what.equals("REMOVE group"))
                .findFirst().orElseThrow());
        assertTrue(writes.subList(firstGroupRemoval, writes.size()).stream().allMatch(w -> w.what.equals("REMOVE group")),
                "entries go before the groups they use: " + writes);
    }

    @Test
    void aClearedSwitchIsNotWrittenAgain() {
        programmer.program(withoutLeaf1());
        switches.clearWrites();
        assertTrue(programmer.program(withoutLeaf1()).isEmpty());
        assertTrue(switches.writes().isEmpty(), switches.writes().toString());
    }

    @Test
    void aSwitchAnotherInstanceMastersIsLeftToIt() {
        mastership.setMaster(LEAF1, "b");
        Map<DeviceId, String> before = switches.contents();

        assertTrue(programmer.program(withoutLeaf1()).isEmpty());
        assertEquals(before, switches.contents());
        assertTrue(switches.writes().isEmpty(), switches.writes().toString());
    }

    @Test
    void anUnavailableSwitchIsLeftToOnosStores() {
        network.setDeviceAvailable(LEAF1, false);
        Map<DeviceId, String> before = switches.contents();

        assertTrue(programmer.program(withoutLeaf1()).isEmpty());
        assertEquals(before, switches.contents());

        network.setDeviceAvailable(LEAF1, true);
        assertEquals(List.of(LEAF1), List.copyOf(programmer.program(withoutLeaf1()).keySet()),
                "cleared once it is back");
        assertEquals(otherApp.rules(LEAF1), switches.rules(LEAF1));
    }
}
