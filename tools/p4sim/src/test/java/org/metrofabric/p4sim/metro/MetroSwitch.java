package org.metrofabric.p4sim.metro;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.control.PiValues;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.pi.model.PiActionId;
import org.onosproject.net.pi.model.PiActionParamId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.config.v1.P4InfoOuterClass.P4Info;

/**
 * One p4sim switch running p4src/metro.p4, programmed by P4Info names through its {@code SwitchControl}
 * (the PI objects ONOS would send), with the packet I/O a PTF test needs. Widths of match fields and
 * action parameters come from the P4Info, so a renamed or resized field fails the test at the write.
 */
final class MetroSwitch {
    static final int CPU_PORT = 255;
    static final PiTableId ROUTING = PiTableId.of("IngressPipe.routing_v4");
    static final PiTableId PATH_PINNING = PiTableId.of("IngressPipe.path_pinning");
    static final PiTableId ECMP = PiTableId.of("IngressPipe.ecmp");
    static final PiActionProfileId ECMP_SELECTOR = PiActionProfileId.of("IngressPipe.ecmp_selector");
    static final PiCounterId DROP_COUNTER = PiCounterId.of("IngressPipe.drop_counter");

    /** Indexes of IngressPipe.drop_counter (p4src/README.md). */
    static final int DROP_ROUTE_MISS = 0;
    static final int DROP_TTL_EXPIRED = 1;
    static final int DROP_PARSER_ERROR = 2;
    static final int DROP_IPV4_CHECKSUM = 3;
    static final int DROP_NOT_ROUTABLE = 4;
    static final int DROP_NO_UPLINK = 5;
    static final int DROP_REASONS = 8;

    private static final Path METRO_P4 = Path.of("../../p4src/metro.p4");
    private static P4Sim.LoadedPipeline metro;

    private final P4Sim.Switch sw;
    private int nextMemberId = 1;
    private long nowNanos;

    private MetroSwitch(P4Sim.Switch sw) {
        this.sw = sw;
    }

    /** A new switch with empty tables; metro.p4 is compiled once per test run. */
    static synchronized MetroSwitch create() {
        if (metro == null) {
            metro = P4Sim.load(METRO_P4);
        }
        return new MetroSwitch(metro.newSwitch());
    }

    P4Info p4info() {
        return sw.state().p4info();
    }

    // ---------------------------------------------------------------- actions

    PiAction setNextHop(int port, String srcMac, String dstMac) {
        return action("IngressPipe.set_next_hop", BigInteger.valueOf(port),
                BigInteger.valueOf(Frames.mac(srcMac)), BigInteger.valueOf(Frames.mac(dstMac)));
    }

    PiAction routeViaUplinks(int ecmpGroupId) {
        return action("IngressPipe.route_via_uplinks", BigInteger.valueOf(ecmpGroupId));
    }

    PiAction drop(int reason) {
        return action("IngressPipe.drop", BigInteger.valueOf(reason));
    }

    /** An action with its parameters in P4Info order. */
    private PiAction action(String name, BigInteger... values) {
        var info = p4info().getActionsList().stream().filter(a -> a.getPreamble().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("P4Info has no action " + name));
        if (info.getParamsCount() != values.length) {
            throw new AssertionError(name + " takes " + info.getParamsCount() + " parameters");
        }
        PiAction.Builder builder = PiAction.builder().withId(PiActionId.of(name));
        for (int i = 0; i < values.length; i++) {
            var param = info.getParams(i);
            builder.withParameter(new PiActionParam(PiActionParamId.of(param.getName()),
                    PiValues.toBytes(values[i], param.getBitwidth())));
        }
        return builder.build();
    }

    // ---------------------------------------------------------------- entries

    /** routing_v4: {@code prefix} such as "10.0.2.0/24" → {@code action}. */
    PiTableEntry route(String prefix, PiAction action) {
        Prefix p = Prefix.parse(prefix);
        PiTableEntry entry = PiTableEntry.builder().forTable(ROUTING)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiLpmFieldMatch(
                        PiMatchFieldId.of("hdr.ipv4.dst_addr"), bytes(ROUTING, "hdr.ipv4.dst_addr", p.address()),
                        p.length())).build())
                .withAction(action).build();
        sw.control().insert(entry);
        return entry;
    }

    /** An ECMP group of the selector with one member per uplink action, and the ecmp entry selecting it. */
    PiTableEntry ecmpGroup(int groupId, List<PiAction> uplinks) {
        PiActionProfileGroup.Builder group = PiActionProfileGroup.builder().withActionProfileId(ECMP_SELECTOR)
                .withId(PiActionProfileGroupId.of(groupId));
        for (PiAction uplink : uplinks) {
            PiActionProfileMemberId memberId = PiActionProfileMemberId.of(nextMemberId++);
            sw.control().insert(PiActionProfileMember.builder().forActionProfile(ECMP_SELECTOR).withId(memberId)
                    .withAction(uplink).build());
            group.addMember(memberId);
        }
        sw.control().insert(group.build());
        PiTableEntry entry = PiTableEntry.builder().forTable(ECMP)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("meta.ecmp_group_id"), bytes(ECMP, "meta.ecmp_group_id", groupId)))
                        .build())
                .withAction(PiActionProfileGroupId.of(groupId)).build();
        sw.control().insert(entry);
        return entry;
    }

    /**
     * path_pinning: source and destination prefixes (ternary), an optional DSCP, a priority (higher wins).
     * Returns the entry, the handle of its direct counter.
     */
    PiTableEntry pin(String srcPrefix, String dstPrefix, OptionalInt dscp, int priority, PiAction action) {
        PiMatchKey.Builder key = PiMatchKey.builder()
                .addFieldMatch(ternary("hdr.ipv4.src_addr", Prefix.parse(srcPrefix)))
                .addFieldMatch(ternary("hdr.ipv4.dst_addr", Prefix.parse(dstPrefix)));
        if (dscp.isPresent()) {
            key.addFieldMatch(new PiOptionalFieldMatch(PiMatchFieldId.of("hdr.ipv4.dscp"),
                    bytes(PATH_PINNING, "hdr.ipv4.dscp", dscp.getAsInt())));
        }
        PiTableEntry entry = PiTableEntry.builder().forTable(PATH_PINNING).withMatchKey(key.build())
                .withPriority(priority).withAction(action).build();
        sw.control().insert(entry);
        return entry;
    }

    private PiTernaryFieldMatch ternary(String field, Prefix prefix) {
        long mask = prefix.length() == 0 ? 0 : (0xffffffffL << (32 - prefix.length())) & 0xffffffffL;
        return new PiTernaryFieldMatch(PiMatchFieldId.of(field), bytes(PATH_PINNING, field, prefix.address()),
                bytes(PATH_PINNING, field, mask));
    }

    private ImmutableByteSequence bytes(PiTableId table, String field, long value) {
        int width = p4info().getTablesList().stream().filter(t -> t.getPreamble().getName().equals(table.id()))
                .flatMap(t -> t.getMatchFieldsList().stream()).filter(f -> f.getName().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError(table.id() + " has no match field " + field))
                .getBitwidth();
        return PiValues.toBytes(BigInteger.valueOf(value), width);
    }

    // ---------------------------------------------------------------- packets and counters

    /** Every frame the switch sends for {@code frame} arriving on {@code port}; one virtual µs per packet. */
    List<OutputPacket> send(int port, byte[] frame) {
        nowNanos += 1_000;
        return sw.dataPlane().process(port, frame, nowNanos);
    }

    PiCounterCell dropCounter(int reason) {
        return sw.control().readCounter(PiCounterCellId.ofIndirect(DROP_COUNTER, reason));
    }

    PiCounterCell directCounter(PiTableEntry entry) {
        return sw.control().readCounter(PiCounterCellId.ofDirect(entry));
    }

    /** An IPv4 prefix written "a.b.c.d/len". */
    record Prefix(long address, int length) {
        static Prefix parse(String text) {
            String[] parts = text.split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a prefix: " + text);
            }
            return new Prefix(Frames.ip(parts[0]) & 0xffffffffL, Integer.parseInt(parts[1]));
        }
    }
}
