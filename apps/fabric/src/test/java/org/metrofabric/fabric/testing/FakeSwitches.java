package org.metrofabric.fabric.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.GroupId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowEntry;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleServiceAdapter;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.PiInstruction;
import org.onosproject.net.group.DefaultGroup;
import org.onosproject.net.group.DefaultGroupDescription;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupBuckets;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.group.GroupKey;
import org.onosproject.net.group.GroupServiceAdapter;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;

/**
 * The flow tables and groups of every switch, shared by all controller instances of a test (they
 * are the switches), with a log of which instance wrote which device. Each instance gets its own
 * FlowRuleService and GroupService view via {@link #flowRuleService} / {@link #groupService}.
 */
public final class FakeSwitches {
    /** One write call: the instance, the device, and what kind of call. */
    public static final class Write {
        public final String instance;
        public final DeviceId device;
        public final String what;

        Write(String instance, DeviceId device, String what) {
            this.instance = instance;
            this.device = device;
            this.what = what;
        }

        @Override
        public String toString() {
            return instance + "@" + device + ":" + what;
        }
    }

    private final Map<DeviceId, Map<FlowRule, FlowEntry>> rules = new HashMap<>();
    private final Map<DeviceId, Map<GroupKey, Group>> groups = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();

    public synchronized List<Write> writes() {
        return new ArrayList<>(writes);
    }

    public synchronized void clearWrites() {
        writes.clear();
    }

    /** Devices written since the last {@link #clearWrites}, with the instances that wrote them. */
    public synchronized Map<DeviceId, List<String>> writersByDevice() {
        Map<DeviceId, List<String>> byDevice = new LinkedHashMap<>();
        for (Write write : writes) {
            List<String> writers = byDevice.computeIfAbsent(write.device, d -> new ArrayList<>());
            if (!writers.contains(write.instance)) {
                writers.add(write.instance);
            }
        }
        return byDevice;
    }

    public synchronized List<FlowRule> rules(DeviceId device) {
        return new ArrayList<>(rules.getOrDefault(device, Map.of()).values());
    }

    public synchronized List<FlowRule> rules(DeviceId device, PiTableId table) {
        return rules(device).stream().filter(r -> r.table().equals(table)).collect(Collectors.toList());
    }

    public synchronized List<Group> groups(DeviceId device) {
        return new ArrayList<>(groups.getOrDefault(device, Map.of()).values());
    }

    /** A copy of every table and group, to compare before and after. */
    public synchronized Map<DeviceId, String> contents() {
        Map<DeviceId, String> contents = new HashMap<>();
        for (DeviceId device : rules.keySet()) {
            contents.put(device, rules.get(device).values().stream()
                    .map(r -> r.table() + "/" + r.selector() + "/" + r.priority() + "/" + r.treatment())
                    .sorted().collect(Collectors.joining("\n")));
        }
        for (DeviceId device : groups.keySet()) {
            contents.merge(device, groups.get(device).values().stream()
                    .map(g -> g.appCookie() + "/" + g.buckets()).sorted().collect(Collectors.joining("\n")),
                    (a, b) -> a + "\n" + b);
        }
        return contents;
    }

    public FlowRuleServiceAdapter flowRuleService(String instance) {
        return new FlowRuleServiceAdapter() {
            @Override
            public Iterable<FlowEntry> getFlowEntries(DeviceId deviceId) {
                synchronized (FakeSwitches.this) {
                    return new ArrayList<>(rules.getOrDefault(deviceId, Map.of()).values());
                }
            }

            @Override
            public void apply(FlowRuleOperations ops) {
                synchronized (FakeSwitches.this) {
                    for (Set<FlowRuleOperation> stage : ops.stages()) {
                        for (FlowRuleOperation op : stage) {
                            FlowRule rule = op.rule();
                            writes.add(new Write(instance, rule.deviceId(), op.type() + " " + rule.table()));
                            Map<FlowRule, FlowEntry> table = rules.computeIfAbsent(rule.deviceId(), d -> new HashMap<>());
                            if (op.type() == FlowRuleOperation.Type.REMOVE) {
                                table.remove(rule);
                            } else {
                                requireGroupOf(rule);
                                table.remove(rule);
                                table.put(rule, new DefaultFlowEntry(rule, FlowEntry.FlowEntryState.ADDED));
                            }
                        }
                    }
                }
            }
        };
    }

    /** An entry may only point at a group the switch already has (the programmer writes groups first). */
    private void requireGroupOf(FlowRule rule) {
        for (Instruction instruction : rule.treatment().allInstructions()) {
            if (instruction instanceof PiInstruction
                    && ((PiInstruction) instruction).action() instanceof PiActionProfileGroupId) {
                int id = ((PiActionProfileGroupId) ((PiInstruction) instruction).action()).id();
                boolean present = groups.getOrDefault(rule.deviceId(), Map.of()).values().stream()
                        .anyMatch(g -> g.givenGroupId() == id);
                if (!present) {
                    throw new IllegalStateException(rule.deviceId() + ": entry written before its group " + id);
                }
            }
        }
    }

    public GroupServiceAdapter groupService(String instance) {
        return new GroupServiceAdapter() {
            @Override
            public void addGroup(GroupDescription description) {
                synchronized (FakeSwitches.this) {
                    writes.add(new Write(instance, description.deviceId(), "ADD group"));
                    groups.computeIfAbsent(description.deviceId(), d -> new HashMap<>()).put(description.appCookie(),
                            new DefaultGroup(GroupId.valueOf(description.givenGroupId()), description));
                }
            }

            @Override
            public void setBucketsForGroup(DeviceId deviceId, GroupKey oldCookie, GroupBuckets buckets,
                                           GroupKey newCookie, ApplicationId appId) {
                synchronized (FakeSwitches.this) {
                    writes.add(new Write(instance, deviceId, "SET buckets"));
                    Group old = groups.get(deviceId).remove(oldCookie);
                    groups.get(deviceId).put(newCookie, new DefaultGroup(old.id(), new DefaultGroupDescription(
                            deviceId, old.type(), buckets, newCookie, old.givenGroupId(), appId)));
                }
            }

            @Override
            public void removeGroup(DeviceId deviceId, GroupKey appCookie, ApplicationId appId) {
                synchronized (FakeSwitches.this) {
                    writes.add(new Write(instance, deviceId, "REMOVE group"));
                    groups.get(deviceId).remove(appCookie);
                }
            }

            @Override
            public Iterable<Group> getGroups(DeviceId deviceId, ApplicationId appId) {
                synchronized (FakeSwitches.this) {
                    return groups.getOrDefault(deviceId, Map.of()).values().stream()
                            .filter(g -> g.appId().equals(appId)).collect(Collectors.toList());
                }
            }
        };
    }
}
