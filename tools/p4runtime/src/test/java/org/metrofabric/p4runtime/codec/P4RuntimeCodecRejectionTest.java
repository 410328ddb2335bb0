package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onosproject.net.PortNumber;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMatchFieldId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPacketMetadataId;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiPreReplica;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.CounterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.Index;
import p4.v1.P4RuntimeOuterClass.MeterEntry;
import p4.v1.P4RuntimeOuterClass.MulticastGroupEntry;
import p4.v1.P4RuntimeOuterClass.PacketMetadata;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.Replica;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4runtime.codec.Pi.action;
import static org.metrofabric.p4runtime.codec.Pi.bits;
import static org.metrofabric.p4runtime.codec.Pi.param;

/**
 * Bad PI objects and bad wire messages are rejected with the code the PI reference server gives
 * (conformance README) and a message naming the entity and field.
 */
class P4RuntimeCodecRejectionTest {

    private static final P4RuntimeCodec ROUTING = P4Infos.codec("routing");
    private static final P4RuntimeCodec MATCHKINDS = P4Infos.codec("matchkinds");
    private static final P4RuntimeCodec ECMP = P4Infos.codec("ecmp");
    private static final P4RuntimeCodec STATEFUL = P4Infos.codec("stateful");
    private static final P4RuntimeCodec METERS = P4Infos.codec("meters");
    private static final P4RuntimeCodec PACKETIO = P4Infos.codec("packetio");

    private static final PiTableId IPV4_LPM = PiTableId.of("RoutingIngress.ipv4_lpm");
    private static final int IPV4_LPM_ID = 42269827;

    private static void assertRejected(Status.Code code, Executable call, String... messageParts) {
        P4RuntimeException e = assertThrows(P4RuntimeException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    private static PiTableEntry.Builder route(long address, int prefix) {
        return PiTableEntry.builder().forTable(IPV4_LPM)
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiLpmFieldMatch(
                        PiMatchFieldId.of("hdr.ipv4.dstAddr"), bits(address, 32), prefix)).build());
    }

    /** A valid wire entry of the routing table, to be broken by each test. */
    private static TableEntry validRoute() {
        return ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.set_nhop", param("dmac", 1, 48), param("smac", 2, 48),
                        param("port", 3, 9)))
                .build());
    }

    @Test
    void unknownNamesAreRejected() {
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(
                PiTableEntry.builder().forTable(PiTableId.of("RoutingIngress.nope")).build()), "table", "nope");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.teleport")).build()), "action", "teleport");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.drop", param("reason", 1, 2), param("color", 1, 8))).build()),
                "color");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(PiTableEntry.builder()
                .forTable(IPV4_LPM).withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("hdr.ipv4.srcAddr"), bits(1, 32))).build()).build()),
                "hdr.ipv4.srcAddr");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> STATEFUL.encodeCounterCellId(
                PiCounterCellId.ofIndirect(PiCounterId.of("StIngress.nope"), 0)), "counter", "nope");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> PACKETIO.encodePacketOut(PiPacketOperation.builder()
                .withType(PiPacketOperationType.PACKET_OUT).withData(Pi.raw(1))
                .withMetadata(PiPacketMetadata.builder().withId(PiPacketMetadataId.of("vlan"))
                        .withValue(bits(1, 12)).build()).build()), "packet_out", "vlan");
    }

    @Test
    void unknownIdsAreRejected() {
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> ROUTING.decodeTableEntry(validRoute().toBuilder().setTableId(12345).build()), "12345");
        TableEntry.Builder badField = validRoute().toBuilder();
        badField.getMatchBuilder(0).setFieldId(9);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(badField.build()),
                "match field", "9");
        TableEntry.Builder badAction = validRoute().toBuilder();
        badAction.getActionBuilder().getActionBuilder().setActionId(777);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(badAction.build()), "777");
        TableEntry.Builder badParam = validRoute().toBuilder();
        badParam.getActionBuilder().getActionBuilder().getParamsBuilder(0).setParamId(42);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(badParam.build()), "42");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> STATEFUL.decode(Entity.newBuilder().setCounterEntry(
                CounterEntry.newBuilder().setCounterId(5).setIndex(Index.newBuilder().setIndex(0))).build()), "5");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> PACKETIO.decodePacketOut(PacketOut.newBuilder()
                .addMetadata(PacketMetadata.newBuilder().setMetadataId(3).setValue(ByteString.copyFrom(new byte[] {1})))
                .build()), "packet_out", "3");
    }

    @Test
    void actionNotAllowedInTheTable() {
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.report")).build()), "RoutingIngress.ipv4_lpm");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> MATCHKINDS.encodeTableEntry(
                PiTableEntry.builder().forTable(PiTableId.of("MIngress.byLpm")).withMatchKey(PiMatchKey.builder()
                        .addFieldMatch(new PiLpmFieldMatch(PiMatchFieldId.of("hdr.key.addr"), bits(1, 32), 32))
                        .build()).withAction(action("MIngress.mark", param("r", 1, 8))).build()), "byLpm");
    }

    @Test
    void parameterOverflowMissingAndEmpty() {
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.set_nhop", param("dmac", 1, 48), param("smac", 2, 48),
                        param("port", 0x200, 16))).build()), "parameter 'port'", "9 bits", "0200");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.set_nhop", param("dmac", 1, 48), param("port", 1, 9)))
                .build()), "'smac' is missing");
        TableEntry.Builder missing = validRoute().toBuilder();
        missing.getActionBuilder().getActionBuilder().removeParams(2);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(missing.build()),
                "'port' is missing");
        TableEntry.Builder empty = validRoute().toBuilder();
        empty.getActionBuilder().getActionBuilder().getParamsBuilder(2).setValue(ByteString.EMPTY);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(empty.build()),
                "parameter 'port'", "empty");
        TableEntry.Builder twice = validRoute().toBuilder();
        twice.getActionBuilder().getActionBuilder().addParams(Action.Param.newBuilder().setParamId(3)
                .setValue(ByteString.copyFrom(new byte[] {1})));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(twice.build()), "twice");
    }

    @Test
    void lpmRules() {
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000001L, 8)
                .withAction(action("RoutingIngress.drop", param("reason", 0, 2))).build()),
                "hdr.ipv4.dstAddr", "past the prefix");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 33)
                .withAction(action("RoutingIngress.drop", param("reason", 0, 2))).build()), "33");
        TableEntry.Builder zeroPrefix = validRoute().toBuilder();
        zeroPrefix.getMatchBuilder(0).getLpmBuilder().setPrefixLen(0).setValue(ByteString.copyFrom(new byte[] {0}));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(zeroPrefix.build()),
                "prefix length 0");
        TableEntry.Builder wrongKind = validRoute().toBuilder();
        wrongKind.setMatch(0, FieldMatch.newBuilder().setFieldId(1).setExact(FieldMatch.Exact.newBuilder()
                .setValue(ByteString.copyFrom(new byte[] {1}))));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(wrongKind.build()),
                "LPM in the P4Info");
    }

    @Test
    void ternaryRangeExactAndPriorityRules() {
        PiMatchKey.Builder kindOnly = PiMatchKey.builder()
                .addFieldMatch(new PiExactFieldMatch(PiMatchFieldId.of("hdr.key.kind"), bits(1, 8)));
        PiTableEntry.Builder rule = PiTableEntry.builder().forTable(PiTableId.of("MIngress.rules"))
                .withAction(action("MIngress.miss", param("rule", 1, 8)));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> MATCHKINDS.encodeTableEntry(rule.withMatchKey(
                kindOnly.addFieldMatch(new PiTernaryFieldMatch(PiMatchFieldId.of("hdr.key.tag"),
                        bits(0x0f1, 12), bits(0x0f0, 12))).build()).withPriority(1).build()),
                "hdr.key.tag", "outside the mask");
        TableEntry good = MATCHKINDS.encodeTableEntry(PiTableEntry.builder().forTable(PiTableId.of("MIngress.rules"))
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("hdr.key.kind"), bits(1, 8))).build())
                .withPriority(5).withAction(action("MIngress.miss", param("rule", 1, 8))).build());
        TableEntry.Builder inverted = good.toBuilder().addMatch(FieldMatch.newBuilder().setFieldId(2)
                .setRange(FieldMatch.Range.newBuilder().setLow(ByteString.copyFrom(new byte[] {9}))
                        .setHigh(ByteString.copyFrom(new byte[] {8}))));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> MATCHKINDS.decodeTableEntry(inverted.build()),
                "hdr.key.value", "above high");
        TableEntry.Builder fullRange = good.toBuilder().addMatch(FieldMatch.newBuilder().setFieldId(2)
                .setRange(FieldMatch.Range.newBuilder().setLow(ByteString.copyFrom(new byte[] {0}))
                        .setHigh(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}))));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> MATCHKINDS.decodeTableEntry(fullRange.build()),
                "every value");
        TableEntry.Builder zeroMask = good.toBuilder().addMatch(FieldMatch.newBuilder().setFieldId(3)
                .setTernary(FieldMatch.Ternary.newBuilder().setValue(ByteString.copyFrom(new byte[] {0}))
                        .setMask(ByteString.copyFrom(new byte[] {0}))));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> MATCHKINDS.decodeTableEntry(zeroMask.build()),
                "mask is zero");
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> MATCHKINDS.decodeTableEntry(good.toBuilder().clearMatch().build()), "'hdr.key.kind' is missing");
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> MATCHKINDS.decodeTableEntry(good.toBuilder().setPriority(0).build()), "priority");
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> MATCHKINDS.decodeTableEntry(good.toBuilder().setPriority(-4).build()), "negative");
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> ROUTING.decodeTableEntry(validRoute().toBuilder().setPriority(3).build()), "priority");
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> MATCHKINDS.decodeTableEntry(good.toBuilder().addMatch(good.getMatch(0)).build()), "twice");
    }

    @Test
    void defaultEntryRules() {
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> ROUTING.decodeTableEntry(validRoute().toBuilder().setIsDefaultAction(true).build()),
                "default entry");
        TableEntry defaultEntry = TableEntry.newBuilder().setTableId(IPV4_LPM_ID).setIsDefaultAction(true).build();
        ROUTING.decodeTableEntry(defaultEntry);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ECMP.encodeTableEntry(PiTableEntry.builder()
                .forTable(PiTableId.of("EcmpIngress.ecmp_route"))
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiLpmFieldMatch(
                        PiMatchFieldId.of("hdr.ipv4.dstAddr"), bits(0, 32), 1)).build())
                .withAction(action("NoAction")).build()), "action profile");
        TableEntry.Builder defaultOnly = ECMP.encodeTableEntry(PiTableEntry.builder()
                .forTable(PiTableId.of("EcmpIngress.ecmp_route")).withAction(action("NoAction")).build())
                .toBuilder().setIsDefaultAction(false).addMatch(FieldMatch.newBuilder().setFieldId(1)
                        .setLpm(FieldMatch.LPM.newBuilder().setPrefixLen(8)
                                .setValue(ByteString.copyFrom(new byte[] {10, 0, 0, 0}))));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ECMP.decodeTableEntry(defaultOnly.build()));
    }

    @Test
    void profileReferencesNeedAProfile() {
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeTableEntry(route(0x0a000000L, 8)
                .withAction(PiActionProfileMemberId.of(1)).build()), "no action profile");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(validRoute().toBuilder()
                .setAction(TableAction.newBuilder().setActionProfileGroupId(1)).build()), "no action profile");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodeTableEntry(validRoute().toBuilder()
                .setAction(TableAction.getDefaultInstance()).build()), "empty");
    }

    @Test
    void actionProfileRules() {
        PiActionProfileId uplinks = PiActionProfileId.of("EcmpIngress.uplinks");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ECMP.encodeMember(PiActionProfileMember.builder()
                .forActionProfile(uplinks).withId(PiActionProfileMemberId.of(1))
                .withAction(action("NoAction_missing")).build()), "NoAction_missing");
        PiActionProfileGroup group = PiActionProfileGroup.builder().withActionProfileId(uplinks)
                .withId(PiActionProfileGroupId.of(1)).addMember(PiActionProfileMemberId.of(1), 1).build();
        ActionProfileGroup wire = ECMP.encodeGroup(group);
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ECMP.decodeGroup(wire.toBuilder()
                .addMembers(wire.getMembers(0)).build()), "listed twice");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ECMP.decodeGroup(wire.toBuilder()
                .setMembers(0, wire.getMembers(0).toBuilder().setWeight(0)).build()), "weight 0");
        P4Info base = ECMP.p4Info().p4Info();
        P4Info noSelector = base.toBuilder()
                .setActionProfiles(0, base.getActionProfiles(0).toBuilder().setWithSelector(false)).build();
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> P4RuntimeCodec.of(P4InfoIndex.of(noSelector)).encodeGroup(group), "no selector");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ECMP.encodeMember(PiActionProfileMember.builder()
                .forActionProfile(PiActionProfileId.of("EcmpIngress.other")).withId(PiActionProfileMemberId.of(1))
                .withAction(action("EcmpIngress.drop")).build()), "action profile", "EcmpIngress.other");
    }

    @Test
    void counterAndMeterIndexes() {
        assertRejected(Status.Code.OUT_OF_RANGE, () -> STATEFUL.encodeCounterCell(new PiCounterCell(
                PiCounterCellId.ofIndirect(PiCounterId.of("StIngress.perIndex"), 64), 1, 1)),
                "StIngress.perIndex", "64");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> STATEFUL.decode(Entity.newBuilder().setCounterEntry(
                CounterEntry.newBuilder().setCounterId(305025047).setIndex(Index.newBuilder().setIndex(-1)))
                .build()), "negative");
        assertRejected(Status.Code.OUT_OF_RANGE, () -> METERS.decode(Entity.newBuilder().setMeterEntry(
                MeterEntry.newBuilder().setMeterId(337203057).setIndex(Index.newBuilder().setIndex(8))).build()),
                "MtIngress.policer");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> METERS.encodeMeterCellConfig(PiMeterCellConfig.builder()
                .withMeterCellId(PiMeterCellId.ofIndirect(PiMeterId.of("MtIngress.policer"), 1))
                .withCommittedBand(1, 1).build()), "peak");
        PiTableEntry noDirectCounter = route(0x0a000000L, 8)
                .withAction(action("RoutingIngress.drop", param("reason", 0, 2))).build();
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> ROUTING.encodeCounterCellId(PiCounterCellId.ofDirect(noDirectCounter)), "no direct counter");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.encodeMeterCellConfig(
                PiMeterCellConfig.reset(PiMeterCellId.ofDirect(noDirectCounter))), "no direct meter");
    }

    @Test
    void preAndPacketIoRules() {
        PacketReplicationEngineEntry.Builder duplicate = PacketReplicationEngineEntry.newBuilder()
                .setMulticastGroupEntry(MulticastGroupEntry.newBuilder().setMulticastGroupId(1)
                        .addReplicas(Replica.newBuilder().setEgressPort(1).setInstance(1))
                        .addReplicas(Replica.newBuilder().setEgressPort(1).setInstance(1)));
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodePreEntry(duplicate.build()),
                "multicast group 1", "twice");
        assertRejected(Status.Code.INVALID_ARGUMENT,
                () -> ROUTING.decodePreEntry(PacketReplicationEngineEntry.getDefaultInstance()), "empty");
        PiMulticastGroupEntry ok = PiMulticastGroupEntry.builder().withGroupId(-1)
                .addReplica(new PiPreReplica(PortNumber.portNumber(0xffff_fffeL), 1)).build();
        assertEquals(ok, ROUTING.decodePreEntry(ROUTING.encodePreEntry(ok)), "uint32 ids and ports survive");
        PacketMetadata port = PacketMetadata.newBuilder().setMetadataId(1)
                .setValue(ByteString.copyFrom(new byte[] {2, 0})).build();
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> PACKETIO.decodePacketOut(PacketOut.newBuilder()
                .addMetadata(port).build()), "egress_port", "9 bits");
        PacketMetadata one = port.toBuilder().setValue(ByteString.copyFrom(new byte[] {1})).build();
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> PACKETIO.decodePacketOut(PacketOut.newBuilder()
                .addMetadata(one).addMetadata(one).build()), "twice");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decodePacketOut(PacketOut.getDefaultInstance()),
                "controller header");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> PACKETIO.decodePacketOut(PacketOut.newBuilder()
                .addMetadata(one).build()), "packet_out", "payload is empty");
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> PACKETIO.encodePacketIn(PiPacketOperation.builder()
                .withType(PiPacketOperationType.PACKET_OUT).withData(Pi.raw(1)).build()), "PACKET_IN");
    }

    @Test
    void emptyEntityIsRejected() {
        assertRejected(Status.Code.INVALID_ARGUMENT, () -> ROUTING.decode(Entity.getDefaultInstance()), "empty");
    }
}
