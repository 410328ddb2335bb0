package org.metrofabric.emulator.fabric;

import java.math.BigInteger;
import java.util.List;
import org.metrofabric.p4sim.control.PiValues;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiTableEntry;

/**
 * PI entities for metro.p4's routing tables (names as in p4src/README.md), for programming the
 * emulated fabric without a controller.
 */
public final class MetroEntries {
    public static final PiTableId ROUTING_V4 = PiTableId.of("IngressPipe.routing_v4");
    public static final PiTableId ECMP = PiTableId.of("IngressPipe.ecmp");
    public static final PiActionProfileId ECMP_SELECTOR = PiActionProfileId.of("IngressPipe.ecmp_selector");
    public static final PiActionId SET_NEXT_HOP = PiActionId.of("IngressPipe.set_next_hop");
    public static final PiActionId ROUTE_VIA_UPLINKS = PiActionId.of("IngressPipe.route_via_uplinks");
    public static final PiMatchFieldId IPV4_DST = PiMatchFieldId.of("hdr.ipv4.dst_addr");
    public static final PiMatchFieldId ECMP_GROUP_ID = PiMatchFieldId.of("meta.ecmp_group_id");

    private MetroEntries() {
    }

    /** {@code set_next_hop(port, src_mac, dst_mac)}. */
    public static PiAction setNextHop(int port, long srcMac, long dstMac) {
        return PiAction.builder().withId(SET_NEXT_HOP)
                .withParameter(new PiActionParam(PiActionParamId.of("port"), bytes(port, 9)))
                .withParameter(new PiActionParam(PiActionParamId.of("src_mac"), bytes(srcMac, 48)))
                .withParameter(new PiActionParam(PiActionParamId.of("dst_mac"), bytes(dstMac, 48)))
                .build();
    }

    /** A {@code routing_v4} entry: {@code address/prefixLength} → {@code action}. */
    public static PiTableEntry route(int address, int prefixLength, PiAction action) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return PiTableEntry.builder().forTable(ROUTING_V4)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiLpmFieldMatch(IPV4_DST,
                        bytes(Integer.toUnsignedLong(address & mask), 32), prefixLength)).build())
                .withAction(action).build();
    }

    /** A {@code routing_v4} entry sending {@code address/prefixLength} to ECMP group {@code groupId}. */
    public static PiTableEntry routeViaUplinks(int address, int prefixLength, int groupId) {
        return route(address, prefixLength, PiAction.builder().withId(ROUTE_VIA_UPLINKS)
                .withParameter(new PiActionParam(PiActionParamId.of("ecmp_group_id"), bytes(groupId, 16))).build());
    }

    /** An {@code ecmp_selector} member whose action is {@code set_next_hop}. */
    public static PiActionProfileMember uplinkMember(int memberId, int port, long srcMac, long dstMac) {
        return PiActionProfileMember.builder().forActionProfile(ECMP_SELECTOR)
                .withId(PiActionProfileMemberId.of(memberId)).withAction(setNextHop(port, srcMac, dstMac)).build();
    }

    /** An {@code ecmp_selector} group of {@code memberIds} (weight 1 each). */
    public static PiActionProfileGroup uplinkGroup(int groupId, List<Integer> memberIds) {
        PiActionProfileGroup.Builder group = PiActionProfileGroup.builder().withActionProfileId(ECMP_SELECTOR)
                .withId(PiActionProfileGroupId.of(groupId));
        memberIds.forEach(id -> group.addMember(PiActionProfileMemberId.of(id)));
        return group.build();
    }

    /** The {@code ecmp} entry pointing ECMP group id {@code groupId} at selector group {@code groupId}. */
    public static PiTableEntry ecmpEntry(int groupId) {
        return PiTableEntry.builder().forTable(ECMP)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(ECMP_GROUP_ID,
                        bytes(groupId, 16))).build())
                .withAction(PiActionProfileGroupId.of(groupId)).build();
    }

    private static ImmutableByteSequence bytes(long value, int width) {
        return PiValues.toBytes(BigInteger.valueOf(value), width);
    }
}
