package org.metrofabric.fabric.app.programmer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.fabric.app.planner.DeviceRoutes;
import org.metrofabric.fabric.app.planner.EcmpGroup;
import org.metrofabric.fabric.app.planner.NextHop;
import org.metrofabric.fabric.app.planner.PathPin;
import org.metrofabric.fabric.app.planner.Route;
import org.metrofabric.fabric.app.planner.RoutingPlan;
import org.metrofabric.pipeconf.MetroConstants;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.GroupId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.group.DefaultGroupBucket;
import org.onosproject.net.group.DefaultGroupDescription;
import org.onosproject.net.group.GroupBucket;
import org.onosproject.net.group.GroupBuckets;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiGroupKey;
import org.onosproject.net.pi.runtime.PiTableAction;

/**
 * Desired state in metro.p4 terms, as a pure function of the routing plan and the path pins:
 * <ul>
 * <li>a route to one next hop: {@code routing_v4} LPM entry with {@code set_next_hop};</li>
 * <li>a route to an ECMP group: {@code routing_v4} entry with {@code route_via_uplinks(id)}, one
 *     {@code ecmp} entry per group mapping the id to a SELECT group of {@code ecmp_selector}
 *     whose buckets are the members' {@code set_next_hop} actions;</li>
 * <li>a path pin: {@code path_pinning} ternary entry (source and destination prefixes) with
 *     {@code set_next_hop}, priority the sum of the prefix lengths.</li>
 * </ul>
 * A switch's groups are numbered 1, 2, ... in order of first use, so a group whose members change
 * keeps its id (its buckets are rewritten; the entries pointing at it are untouched).
 */
public final class FlowRulePlan {
    /** Priority of exact-match entries, where ONOS needs one but the switch ignores it. */
    static final int EXACT_PRIORITY = 10;

    private FlowRulePlan() {
    }

    /**
     * @param pins path_pinning entries by leaf; pins of a device without routes (down) are skipped
     * @return the program of every device the routing plan covers
     */
    public static Map<DeviceId, DeviceProgram> of(ApplicationId app, RoutingPlan routing,
                                                  Map<DeviceId, List<PathPin>> pins) {
        Map<DeviceId, DeviceProgram> programs = new LinkedHashMap<>();
        for (DeviceRoutes deviceRoutes : routing.routes().values()) {
            DeviceId device = deviceRoutes.device();
            programs.put(device, program(app, deviceRoutes, pins.getOrDefault(device, List.of())));
        }
        return programs;
    }

    static DeviceProgram program(ApplicationId app, DeviceRoutes deviceRoutes, List<PathPin> pins) {
        DeviceId device = deviceRoutes.device();
        Map<EcmpGroup, Integer> groupIds = new HashMap<>();
        List<GroupDescription> groups = new ArrayList<>();
        List<FlowRule> rules = new ArrayList<>();
        for (EcmpGroup group : deviceRoutes.groups()) {
            int id = groups.size() + 1;
            groupIds.put(group, id);
            groups.add(selectGroup(app, device, id, group));
            rules.add(rule(app, device, MetroConstants.ECMP, PiCriterion.builder()
                    .matchExact(MetroConstants.META_ECMP_GROUP_ID, id).build(),
                    PiActionProfileGroupId.of(id), EXACT_PRIORITY));
        }
        for (Route route : deviceRoutes.routes()) {
            IpPrefix prefix = route.prefix();
            PiAction action = route.group() != null
                    ? PiAction.builder().withId(MetroConstants.ROUTE_VIA_UPLINKS)
                        .withParameter(new PiActionParam(MetroConstants.ECMP_GROUP_ID, groupIds.get(route.group())))
                        .build()
                    : setNextHop(route.nextHop());
            // routing_v4 is LPM: ONOS wants a priority, and the prefix length is the one that matches.
            rules.add(rule(app, device, MetroConstants.ROUTING_V4, PiCriterion.builder()
                    .matchLpm(MetroConstants.HDR_IPV4_DST_ADDR, prefix.address().toOctets(), prefix.prefixLength())
                    .build(), action, prefix.prefixLength()));
        }
        for (PathPin pin : pins) {
            rules.add(rule(app, device, MetroConstants.PATH_PINNING, PiCriterion.builder()
                    .matchTernary(MetroConstants.HDR_IPV4_SRC_ADDR, pin.src().address().toOctets(), mask(pin.src()))
                    .matchTernary(MetroConstants.HDR_IPV4_DST_ADDR, pin.dst().address().toOctets(), mask(pin.dst()))
                    .build(), setNextHop(pin.nextHop()), pin.priority()));
        }
        return new DeviceProgram(device, groups, rules);
    }

    /** The key of a switch's ECMP group {@code id}, as ONOS names action-profile groups. */
    public static PiGroupKey groupKey(int id) {
        return new PiGroupKey(MetroConstants.ECMP, MetroConstants.ECMP_SELECTOR, id);
    }

    static PiAction setNextHop(NextHop nextHop) {
        return PiAction.builder().withId(MetroConstants.SET_NEXT_HOP)
                .withParameter(new PiActionParam(MetroConstants.PORT, nextHop.port().toLong()))
                .withParameter(new PiActionParam(MetroConstants.SRC_MAC, nextHop.srcMac().toBytes()))
                .withParameter(new PiActionParam(MetroConstants.DST_MAC, nextHop.dstMac().toBytes()))
                .build();
    }

    private static GroupDescription selectGroup(ApplicationId app, DeviceId device, int id, EcmpGroup group) {
        List<GroupBucket> buckets = new ArrayList<>(group.members().size());
        for (NextHop member : group.members()) {
            buckets.add(DefaultGroupBucket.createSelectGroupBucket(
                    DefaultTrafficTreatment.builder().piTableAction(setNextHop(member)).build()));
        }
        return new DefaultGroupDescription(device, GroupDescription.Type.SELECT, new GroupBuckets(buckets),
                groupKey(id), GroupId.valueOf(id).id(), app);
    }

    private static FlowRule rule(ApplicationId app, DeviceId device, PiTableId table,
                                 PiCriterion match, PiTableAction action, int priority) {
        return DefaultFlowRule.builder()
                .forDevice(device)
                .forTable(table)
                .fromApp(app)
                .makePermanent()
                .withPriority(priority)
                .withSelector(DefaultTrafficSelector.builder().matchPi(match).build())
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(action).build())
                .build();
    }

    private static byte[] mask(IpPrefix prefix) {
        return IpAddress.makeMaskPrefix(prefix.address().version(), prefix.prefixLength()).toOctets();
    }
}
