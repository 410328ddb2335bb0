package org.metrofabric.fabric.app.programmer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onosproject.core.ApplicationId;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.group.GroupService;

/**
 * Writes desired programs to the switches this instance masters, and only what differs from what
 * the app has installed there (as ONOS reports it), so an unchanged switch is not written and a
 * new master finds the work of the old one already done. Groups go first, so no entry ever points
 * at a missing group; stale groups go last, after the entries that used them.
 */
public final class FabricProgrammer {
    private final ApplicationId app;
    private final FlowRuleService flowRules;
    private final GroupService groups;
    private final MastershipService mastership;

    public FabricProgrammer(ApplicationId app, FlowRuleService flowRules, GroupService groups,
                            MastershipService mastership) {
        this.app = app;
        this.flowRules = flowRules;
        this.groups = groups;
        this.mastership = mastership;
    }

    /**
     * @param desired the program of every live fabric switch
     * @return the devices written, each with what was written
     */
    public Map<DeviceId, DeviceDiff> program(Map<DeviceId, DeviceProgram> desired) {
        Map<DeviceId, DeviceDiff> written = new LinkedHashMap<>();
        for (DeviceProgram program : desired.values()) {
            DeviceId device = program.device();
            if (!mastership.isLocalMaster(device)) {
                continue;
            }
            DeviceDiff diff = DeviceDiff.between(program, installedRules(device), groups.getGroups(device, app));
            if (!diff.isEmpty()) {
                write(device, diff);
                written.put(device, diff);
            }
        }
        return written;
    }

    private List<FlowEntry> installedRules(DeviceId device) {
        List<FlowEntry> mine = new ArrayList<>();
        for (FlowEntry entry : flowRules.getFlowEntries(device)) {
            if (entry.appId() == app.id()) {
                mine.add(entry);
            }
        }
        return mine;
    }

    private void write(DeviceId device, DeviceDiff diff) {
        diff.groupsToAdd().forEach(groups::addGroup);
        for (GroupDescription group : diff.groupsToModify()) {
            groups.setBucketsForGroup(device, group.appCookie(), group.buckets(), group.appCookie(), app);
        }
        FlowRuleOperations.Builder ops = FlowRuleOperations.builder();
        diff.rulesToAdd().forEach(ops::add);
        diff.rulesToModify().forEach(ops::modify);
        diff.rulesToRemove().forEach(ops::remove);
        flowRules.apply(ops.build());
        for (Group group : diff.groupsToRemove()) {
            groups.removeGroup(device, group.appCookie(), app);
        }
    }
}
