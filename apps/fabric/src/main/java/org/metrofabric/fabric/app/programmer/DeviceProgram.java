package org.metrofabric.fabric.app.programmer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.group.GroupKey;

/** The flow rules and groups one switch should hold for the fabric app. */
public final class DeviceProgram {
    private final DeviceId device;
    private final Map<GroupKey, GroupDescription> groups;
    private final List<FlowRule> rules;

    public DeviceProgram(DeviceId device, List<GroupDescription> groups, List<FlowRule> rules) {
        this.device = Objects.requireNonNull(device, "device");
        Map<GroupKey, GroupDescription> byKey = new LinkedHashMap<>();
        for (GroupDescription group : groups) {
            if (byKey.put(group.appCookie(), group) != null) {
                throw new IllegalArgumentException("group key " + group.appCookie() + " is used twice on " + device);
            }
        }
        this.groups = Collections.unmodifiableMap(byKey);
        this.rules = List.copyOf(rules);
    }

    public static DeviceProgram empty(DeviceId device) {
        return new DeviceProgram(device, List.of(), List.of());
    }

    public DeviceId device() {
        return device;
    }

    /** Groups by key, in group id order. */
    public Map<GroupKey, GroupDescription> groups() {
        return groups;
    }

    public List<FlowRule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return device + ": " + rules.size() + " rules, " + groups.size() + " groups";
    }
}
