package org.metrofabric.fabric.app.programmer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupDescription;

/**
 * What must change on one switch to go from what the app has installed there to its desired
 * program. Flow rules are the same entry when ONOS says they are equal (device, table, priority,
 * match); an equal entry with another action is modified in place. Groups are the same when their
 * keys are; a group with other buckets gets its buckets replaced.
 */
public final class DeviceDiff {
    private final List<GroupDescription> groupsToAdd = new ArrayList<>();
    private final List<GroupDescription> groupsToModify = new ArrayList<>();
    private final List<Group> groupsToRemove = new ArrayList<>();
    private final List<FlowRule> rulesToAdd = new ArrayList<>();
    private final List<FlowRule> rulesToModify = new ArrayList<>();
    private final List<FlowRule> rulesToRemove = new ArrayList<>();

    private DeviceDiff() {
    }

    /**
     * @param installedRules  the app's flow entries on the device
     * @param installedGroups the app's groups on the device
     */
    public static DeviceDiff between(DeviceProgram desired, Iterable<? extends FlowEntry> installedRules,
                                     Iterable<? extends Group> installedGroups) {
        DeviceDiff diff = new DeviceDiff();
        Map<FlowRule, FlowRule> installed = new HashMap<>();
        for (FlowEntry entry : installedRules) {
            if (entry.state() != FlowEntry.FlowEntryState.REMOVED && entry.state() != FlowEntry.FlowEntryState.PENDING_REMOVE) {
                installed.put(entry, entry);
            }
        }
        for (FlowRule rule : desired.rules()) {
            FlowRule current = installed.remove(rule);
            if (current == null) {
                diff.rulesToAdd.add(rule);
            } else if (!rule.treatment().equals(current.treatment())) {
                diff.rulesToModify.add(rule);
            }
        }
        diff.rulesToRemove.addAll(installed.values());

        Map<Object, Group> groups = new HashMap<>();
        for (Group group : installedGroups) {
            groups.put(group.appCookie(), group);
        }
        for (GroupDescription group : desired.groups().values()) {
            Group current = groups.remove(group.appCookie());
            if (current == null) {
                diff.groupsToAdd.add(group);
            } else if (!group.buckets().equals(current.buckets())) {
                diff.groupsToModify.add(group);
            }
        }
        diff.groupsToRemove.addAll(groups.values());
        return diff;
    }

    public boolean isEmpty() {
        return groupsToAdd.isEmpty() && groupsToModify.isEmpty() && groupsToRemove.isEmpty()
                && rulesToAdd.isEmpty() && rulesToModify.isEmpty() && rulesToRemove.isEmpty();
    }

    public List<GroupDescription> groupsToAdd() {
        return Collections.unmodifiableList(groupsToAdd);
    }

    /** Desired groups whose installed buckets differ. */
    public List<GroupDescription> groupsToModify() {
        return Collections.unmodifiableList(groupsToModify);
    }

    public List<Group> groupsToRemove() {
        return Collections.unmodifiableList(groupsToRemove);
    }

    public List<FlowRule> rulesToAdd() {
        return Collections.unmodifiableList(rulesToAdd);
    }

    /** Desired rules whose installed twin has another action. */
    public List<FlowRule> rulesToModify() {
        return Collections.unmodifiableList(rulesToModify);
    }

    public List<FlowRule> rulesToRemove() {
        return Collections.unmodifiableList(rulesToRemove);
    }

    @Override
    public String toString() {
        return String.format("groups +%d ~%d -%d, rules +%d ~%d -%d", groupsToAdd.size(), groupsToModify.size(),
                groupsToRemove.size(), rulesToAdd.size(), rulesToModify.size(), rulesToRemove.size());
    }
}
