package org.metrofabric.fabric.app.programmer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onosproject.core.ApplicationId;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.device.DeviceService;
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
 *
 * <p>A switch that leaves the fabric (its {@code metrofabric} config removed or no longer valid)
 * but stays connected is programmed to nothing: the app's entries, then its groups, are removed,
 * so no stale route or pin keeps pointing into the fabric. Only this app's entries and groups are
 * touched, and only on available devices this instance masters; an unavailable device is left to
 * ONOS's flow rule and group stores.
 */
public final class FabricProgrammer {
    private final ApplicationId app;
    private final FlowRuleService flowRules;
    private final GroupService groups;
    private final MastershipService mastership;
    private final DeviceService devices;

    public FabricProgrammer(ApplicationId app, FlowRuleService flowRules, GroupService groups,
                            MastershipService mastership, DeviceService devices) {
        this.app = app;
        this.flowRules = flowRules;
        this.groups = groups;
        this.mastership = mastership;
        this.devices = devices;
    }

    /**
     * @param desired the program of every live fabric switch; every other available switch this
     *                instance masters is cleared of the app's entries and groups
     * @return the devices written, each with what was written
     */
    public Map<DeviceId, DeviceDiff> program(Map<DeviceId, DeviceProgram> desired) {
        Map<DeviceId, DeviceDiff> written = new LinkedHashMap<>();
        for (DeviceProgram program : desired.values()) {
            programIfLocalMaster(program, written);
        }
        for (Device device : devices.getAvailableDevices()) {
            if (!desired.containsKey(device.id())) {
                programIfLocalMaster(DeviceProgram.empty(device.id()), written);
            }
        }
        return written;
    }

    private void programIfLocalMaster(DeviceProgram program, Map<DeviceId, DeviceDiff> written) {
        DeviceId device = program.device();
        if (!mastership.isLocalMaster(device)) {
            return;
        }
        DeviceDiff diff = DeviceDiff.between(program, installedRules(device), groups.getGroups(device, app));
        if (!diff.isEmpty()) {
            write(device, diff);
            written.put(device, diff);
        }
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
