package org.metrofabric.emulator.onos;

import static org.metrofabric.pipeconf.MetroConstants.DST_MAC;
import static org.metrofabric.pipeconf.MetroConstants.ECMP;
import static org.metrofabric.pipeconf.MetroConstants.ECMP_GROUP_ID;
import static org.metrofabric.pipeconf.MetroConstants.ECMP_SELECTOR;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DST_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_SRC_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.META_ECMP_GROUP_ID;
import static org.metrofabric.pipeconf.MetroConstants.PATH_PINNING;
import static org.metrofabric.pipeconf.MetroConstants.PORT;
import static org.metrofabric.pipeconf.MetroConstants.ROUTE_VIA_UPLINKS;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;
import static org.metrofabric.pipeconf.MetroConstants.SET_NEXT_HOP;
import static org.metrofabric.pipeconf.MetroConstants.SRC_MAC;

import java.util.List;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.Ip4Prefix;
import org.onlab.packet.MacAddress;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
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

/** Flow rules and groups for metro.p4, written the way the apps write them (PiCriterion + PiAction). */
final class MetroRules {
    static final ApplicationId APP = new DefaultApplicationId(7, "org.metrofabric.test");

    private MetroRules() {
    }

    static PiAction setNextHop(long port, String srcMac, String dstMac) {
        return PiAction.builder().withId(SET_NEXT_HOP)
                .withParameter(new PiActionParam(PORT, port))
                .withParameter(new PiActionParam(SRC_MAC, MacAddress.valueOf(srcMac).toBytes()))
                .withParameter(new PiActionParam(DST_MAC, MacAddress.valueOf(dstMac).toBytes()))
                .build();
    }

    static PiAction viaUplinks(int ecmpGroup) {
        return PiAction.builder().withId(ROUTE_VIA_UPLINKS)
                .withParameter(new PiActionParam(ECMP_GROUP_ID, (long) ecmpGroup)).build();
    }

    static FlowRule rule(DeviceId device, PiTableId table, PiCriterion match, PiTableAction action, int priority) {
        return DefaultFlowRule.builder().forDevice(device).forTable(table).fromApp(APP).makePermanent()
                .withPriority(priority)
                .withSelector(DefaultTrafficSelector.builder().matchPi(match).build())
                .withTreatment(DefaultTrafficTreatment.builder().piTableAction(action).build())
                .build();
    }

    static FlowRule route(DeviceId device, String prefix, PiAction action) {
        Ip4Prefix p = Ip4Prefix.valueOf(prefix);
        return rule(device, ROUTING_V4, PiCriterion.builder()
                .matchLpm(HDR_IPV4_DST_ADDR, p.address().toInt(), p.prefixLength()).build(), action, 10);
    }

    static FlowRule ecmpEntry(DeviceId device, int ecmpGroup, int selectorGroup) {
        return rule(device, ECMP, PiCriterion.builder().matchExact(META_ECMP_GROUP_ID, ecmpGroup).build(),
                PiActionProfileGroupId.of(selectorGroup), 10);
    }

    static FlowRule pin(DeviceId device, String src, String dst, PiAction action, int priority) {
        return rule(device, PATH_PINNING, PiCriterion.builder()
                .matchTernary(HDR_IPV4_SRC_ADDR, Ip4Address.valueOf(src).toInt(), 0xffffffff)
                .matchTernary(HDR_IPV4_DST_ADDR, Ip4Address.valueOf(dst).toInt(), 0xffffffff)
                .build(), action, priority);
    }

    /** A SELECT group of {@code ecmp_selector} whose buckets are {@code actions}. */
    static GroupDescription uplinkGroup(DeviceId device, int groupId, List<PiAction> actions) {
        List<GroupBucket> buckets = actions.stream()
                .map(a -> DefaultGroupBucket.createSelectGroupBucket(
                        DefaultTrafficTreatment.builder().piTableAction(a).build()))
                .toList();
        return new DefaultGroupDescription(device, GroupDescription.Type.SELECT, new GroupBuckets(buckets),
                new PiGroupKey(ECMP, ECMP_SELECTOR, groupId), groupId, APP);
    }

    static GroupId groupId(int id) {
        return GroupId.valueOf(id);
    }

    /**
     * An action as "id(param=value, ...)" with numeric values, so actions compare equal whatever
     * byte width their values were given in (switch reads return the shortest form).
     */
    static String describe(PiTableAction action) {
        if (!(action instanceof PiAction)) {
            return action.toString();
        }
        PiAction piAction = (PiAction) action;
        return piAction.id() + piAction.parameters().stream()
                .sorted(java.util.Comparator.comparing(p -> p.id().id()))
                .map(p -> p.id() + "=" + new java.math.BigInteger(1, p.value().asArray()))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
