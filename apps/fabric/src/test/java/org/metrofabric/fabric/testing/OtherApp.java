package org.metrofabric.fabric.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.metrofabric.pipeconf.MetroConstants;
import org.onlab.packet.IpPrefix;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.PiCriterion;
import org.onosproject.net.group.DefaultGroupBucket;
import org.onosproject.net.group.DefaultGroupDescription;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupBuckets;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiGroupKey;

/**
 * Another ONOS app sharing the switches with the fabric app: it writes one metro.p4 entry (a drop
 * route for a prefix the fabric never routes) and one group of its own, which the fabric app must
 * never remove.
 */
public final class OtherApp {
    public static final ApplicationId APP = new DefaultApplicationId(77, "org.example.other");
    private static final IpPrefix PREFIX = IpPrefix.valueOf("192.168.0.0/16");
    private static final int GROUP_ID = 77;

    private final FakeSwitches switches;

    public OtherApp(FakeSwitches switches) {
        this.switches = switches;
    }

    /** Writes the app's entry and group on {@code device}, as instance {@code instance}. */
    public void install(DeviceId device, String instance) {
        GroupDescription group = new DefaultGroupDescription(device, GroupDescription.Type.SELECT,
                new GroupBuckets(List.of(DefaultGroupBucket.createSelectGroupBucket(treatment()))),
                new PiGroupKey(MetroConstants.ECMP, MetroConstants.ECMP_SELECTOR, GROUP_ID), GROUP_ID, APP);
        switches.groupService(instance).addGroup(group);
        FlowRule rule = DefaultFlowRule.builder()
                .forDevice(device)
                .forTable(MetroConstants.ROUTING_V4)
                .fromApp(APP)
                .makePermanent()
                .withPriority(PREFIX.prefixLength())
                .withSelector(DefaultTrafficSelector.builder().matchPi(PiCriterion.builder()
                        .matchLpm(MetroConstants.HDR_IPV4_DST_ADDR, PREFIX.address().toOctets(), PREFIX.prefixLength())
                        .build()).build())
                .withTreatment(treatment())
                .build();
        switches.flowRuleService(instance).apply(FlowRuleOperations.builder().add(rule).build());
    }

    private static TrafficTreatment treatment() {
        return DefaultTrafficTreatment.builder()
                .piTableAction(PiAction.builder().withId(MetroConstants.DROP).build()).build();
    }

    /** The app's entries on {@code device}. */
    public List<FlowRule> rules(DeviceId device) {
        return switches.rules(device).stream().filter(r -> r.appId() == APP.id()).collect(Collectors.toList());
    }

    /** The app's groups on {@code device}. */
    public List<Group> groups(DeviceId device) {
        return switches.groups(device).stream().filter(g -> g.appId().equals(APP)).collect(Collectors.toList());
    }
}
