package org.metrofabric.fabric.app.programmer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.app.planner.RoutingPlanner;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.core.GroupId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowEntry;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.group.DefaultGroup;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupDescription;

class DeviceDiffTest {
    private static final ApplicationId APP = new DefaultApplicationId(42, "org.metrofabric.fabric");
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final LinkId SPINE1_LEAF4 = new LinkId(ConnectPoint.deviceConnectPoint("device:spine1/4"),
            ConnectPoint.deviceConnectPoint("device:leaf4/1"));

    private final FabricSnapshot fabric = NetcfgFabrics.shipped("metro-2x4");

    private static DeviceProgram leaf1(FabricSnapshot snapshot) {
        return FlowRulePlan.of(APP, new RoutingPlanner().plan(snapshot), Map.of()).get(LEAF1);
    }

    private static List<FlowEntry> installed(DeviceProgram program) {
        List<FlowEntry> entries = new ArrayList<>();
        program.rules().forEach(r -> entries.add(new DefaultFlowEntry(r, FlowEntry.FlowEntryState.ADDED)));
        return entries;
    }

    private static List<Group> groups(DeviceProgram program) {
        List<Group> groups = new ArrayList<>();
        for (GroupDescription description : program.groups().values()) {
            groups.add(new DefaultGroup(GroupId.valueOf(description.givenGroupId()), description));
        }
        return groups;
    }

    @Test
    void nothingWrittenWhenInstalledMatchesDesired() {
        DeviceProgram program = leaf1(fabric);
        assertTrue(DeviceDiff.between(program, installed(program), groups(program)).isEmpty());
    }

    @Test
    void everythingIsAddedOnAnEmptySwitch() {
        DeviceProgram program = leaf1(fabric);
        DeviceDiff diff = DeviceDiff.between(program, List.of(), List.of());
        assertEquals(program.rules(), diff.rulesToAdd());
        assertEquals(new ArrayList<>(program.groups().values()), diff.groupsToAdd());
    }

    @Test
    void aFailureAddsAGroupRewritesTheAffectedRoutesAndLeavesTheRest() {
        DeviceProgram before = leaf1(fabric);
        DeviceProgram after = leaf1(fabric.withLinkUp(SPINE1_LEAF4, false));
        DeviceDiff diff = DeviceDiff.between(after, installed(before), groups(before));
        assertEquals(1, diff.groupsToAdd().size(), diff.toString());
        assertTrue(diff.groupsToModify().isEmpty(), diff.toString());
        assertEquals(1, diff.rulesToAdd().size(), "the ecmp entry of the new group: " + diff);
        assertEquals(1, diff.rulesToModify().size(), "the route to leaf4's subnet: " + diff);
        assertTrue(diff.rulesToRemove().isEmpty() && diff.groupsToRemove().isEmpty(), diff.toString());

        DeviceDiff back = DeviceDiff.between(before, installed(after), groups(after));
        assertEquals(1, back.groupsToRemove().size(), back.toString());
        assertEquals(1, back.rulesToRemove().size(), back.toString());
        assertEquals(1, back.rulesToModify().size(), back.toString());
    }

    @Test
    void removedEntriesAreNotCountedAsInstalled() {
        DeviceProgram program = leaf1(fabric);
        List<FlowEntry> entries = new ArrayList<>();
        for (FlowRule rule : program.rules()) {
            entries.add(new DefaultFlowEntry(rule, FlowEntry.FlowEntryState.PENDING_REMOVE));
        }
        assertEquals(program.rules().size(), DeviceDiff.between(program, entries, groups(program)).rulesToAdd().size());
    }
}
