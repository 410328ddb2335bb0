package org.metrofabric.p4runtime.codec;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.onlab.util.ImmutableByteSequence;
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
import org.onosproject.net.pi.runtime.PiActionSet;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellData;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiExactFieldMatch;
import org.onosproject.net.pi.runtime.PiLpmFieldMatch;
import org.onosproject.net.pi.runtime.PiMatchKey;
import org.onosproject.net.pi.runtime.PiMeterCellConfig;
import org.onosproject.net.pi.runtime.PiMeterCellId;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiOptionalFieldMatch;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiPreReplica;
import org.onosproject.net.pi.runtime.PiRangeFieldMatch;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.net.pi.runtime.PiTernaryFieldMatch;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.PacketIn;
import p4.v1.P4RuntimeOuterClass.PacketOut;
import p4.v1.P4RuntimeOuterClass.TableEntry;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4runtime.codec.Pi.action;
import static org.metrofabric.p4runtime.codec.Pi.bits;
import static org.metrofabric.p4runtime.codec.Pi.param;

/** PI -> P4Runtime -> PI for every entity type, on the p4c P4Info files of the conformance corpus. */
class P4RuntimeCodecRoundTripTest {

    private static final P4RuntimeCodec MATCHKINDS = P4Infos.codec("matchkinds");
    private static final P4RuntimeCodec ECMP = P4Infos.codec("ecmp");
    private static final P4RuntimeCodec METERS = P4Infos.codec("meters");
    private static final P4RuntimeCodec STATEFUL = P4Infos.codec("stateful");
    private static final P4RuntimeCodec PACKETIO = P4Infos.codec("packetio");
    private static final P4RuntimeCodec ROUTING = P4Infos.codec("routing");

    private static final PiTableId RULES = PiTableId.of("MIngress.rules");
    private static final PiTableId ECMP_ROUTE = PiTableId.of("EcmpIngress.ecmp_route");
    private static final PiActionProfileId UPLINKS = PiActionProfileId.of("EcmpIngress.uplinks");

    /** Encodes, checks the wire form is what the P4Info says, decodes and compares. */
    private static Entity roundTrip(P4RuntimeCodec codec, PiEntity entity) {
        Entity wire = codec.encode(entity);
        assertEquals(entity, codec.decode(wire));
        assertEquals(wire, codec.encode(codec.decode(wire)), "encoding is deterministic");
        return wire;
    }

    @Test
    void tableEntryWithExactRangeTernaryOptionalAndPriority() {
        PiTableEntry entry = PiTableEntry.builder().forTable(RULES)
                .withMatchKey(PiMatchKey.builder()
                        .addFieldMatch(new PiExactFieldMatch(PiMatchFieldId.of("hdr.key.kind"), bits(7, 8)))
                        .addFieldMatch(new PiRangeFieldMatch(PiMatchFieldId.of("hdr.key.value"),
                                bits(100, 16), bits(0x1ff, 16)))
                        .addFieldMatch(new PiTernaryFieldMatch(PiMatchFieldId.of("hdr.key.tag"),
                                bits(0x0a0, 12), bits(0xff0, 12)))
                        .addFieldMatch(new PiOptionalFieldMatch(PiMatchFieldId.of("hdr.key.addr"),
                                bits(0x0a000001L, 32)))
                        .build())
                .withPriority(10)
                .withCookie(0xabcdefL)
                .withAction(action("MIngress.hit", param("rule", 3, 8), param("p16", 0x1234, 16),
                        param("p12", 0xabc, 12), param("p4", 0x5, 4), param("p48", 0x0000_0000_00ffL, 48)))
                .build();
        TableEntry wire = roundTrip(MATCHKINDS, entry).getTableEntry();
        assertEquals(41814509, wire.getTableId());
        assertEquals(10, wire.getPriority());
        assertEquals(0xabcdefL, wire.getControllerMetadata());
        Map<Integer, FieldMatch> fields = wire.getMatchList().stream()
                .collect(Collectors.toMap(FieldMatch::getFieldId, f -> f));
        assertEquals(bytes(7), fields.get(1).getExact().getValue());
        assertEquals(bytes(100), fields.get(2).getRange().getLow());
        assertEquals(bytes(0x01, 0xff), fields.get(2).getRange().getHigh());
        assertEquals(bytes(0xa0), fields.get(3).getTernary().getValue(), "canonical: the leading zero byte dropped");
        assertEquals(bytes(0x0f, 0xf0), fields.get(3).getTernary().getMask());
        assertEquals(bytes(0x0a, 0, 0, 1), fields.get(4).getOptional().getValue());
        assertEquals(29681879, wire.getAction().getAction().getActionId());
        assertEquals(bytes(0xff), wire.getAction().getAction().getParams(4).getValue(), "48-bit param canonical");
    }

    @Test
    void wildcardFieldsAreOmitted() {
        PiTableEntry entry = PiTableEntry.builder().forTable(RULES)
                .withMatchKey(PiMatchKey.builder()
                        .addFieldMatch(new PiExactFieldMatch(PiMatchFieldId.of("hdr.key.kind"), bits(0, 8)))
                        .build())
                .withPriority(1)
                .withAction(action("MIngress.miss", param("rule", 0, 8)))
                .build();
        TableEntry wire = roundTrip(MATCHKINDS, entry).getTableEntry();
        assertEquals(1, wire.getMatchCount());
        assertEquals(bytes(0), wire.getMatch(0).getExact().getValue(), "zero is \\x00");
    }

    @Test
    void lpmEntryAndDefaultEntry() {
        PiTableEntry lpm = PiTableEntry.builder().forTable(PiTableId.of("MIngress.byLpm"))
                .withMatchKey(PiMatchKey.builder()
                        .addFieldMatch(new PiLpmFieldMatch(PiMatchFieldId.of("hdr.key.addr"),
                                bits(0x0a010000L, 32), 16))
                        .build())
                .withAction(action("MIngress.miss", param("rule", 9, 8)))
                .build();
        TableEntry wire = roundTrip(MATCHKINDS, lpm).getTableEntry();
        assertEquals(16, wire.getMatch(0).getLpm().getPrefixLen());
        assertEquals(0, wire.getPriority());

        PiTableEntry defaultEntry = PiTableEntry.builder().forTable(PiTableId.of("MIngress.byLpm"))
                .withAction(action("NoAction"))
                .build();
        assertTrue(defaultEntry.isDefaultAction());
        TableEntry defaultWire = roundTrip(MATCHKINDS, defaultEntry).getTableEntry();
        assertTrue(defaultWire.getIsDefaultAction());
        assertEquals(0, defaultWire.getMatchCount());

        PiTableEntry reset = PiTableEntry.builder().forTable(PiTableId.of("MIngress.byLpm")).build();
        assertFalse(roundTrip(MATCHKINDS, reset).getTableEntry().hasAction(), "unset action resets the default");
    }

    @Test
    void catchAllEntryOfAnLpmTableIsNotTheDefaultEntry() {
        TableEntry catchAll = TableEntry.newBuilder().setTableId(42269827)
                .setAction(ROUTING.encodeTableEntry(PiTableEntry.builder()
                        .forTable(PiTableId.of("RoutingIngress.ipv4_lpm"))
                        .withAction(action("RoutingIngress.drop", param("reason", 1, 2))).build()).getAction())
                .build();
        PiTableEntry decoded = ROUTING.decodeTableEntry(catchAll);
        assertFalse(decoded.isDefaultAction());
        assertEquals(new PiLpmFieldMatch(PiMatchFieldId.of("hdr.ipv4.dstAddr"), bits(0, 32), 0),
                decoded.matchKey().fieldMatch(PiMatchFieldId.of("hdr.ipv4.dstAddr")).orElseThrow());
        assertEquals(catchAll, ROUTING.encodeTableEntry(decoded));
    }

    @Test
    void catchAllEntryOfATernaryTableIsNotTheDefaultEntry() {
        PiTableEntry catchAll = PiTableEntry.builder().forTable(PiTableId.of("IoIngress.acl"))
                .withPriority(1)
                .withAction(action("IoIngress.punt"))
                .build();
        TableEntry wire = roundTrip(PACKETIO, catchAll).getTableEntry();
        assertFalse(wire.getIsDefaultAction());
        assertEquals(1, wire.getPriority());
    }

    @Test
    void actionProfileMembersGroupsAndReferences() {
        PiActionProfileMember member = PiActionProfileMember.builder().forActionProfile(UPLINKS)
                .withId(PiActionProfileMemberId.of(11))
                .withAction(action("EcmpIngress.set_uplink", param("port", 2, 9),
                        param("smac", 0x00aa_0000_0001L, 48), param("dmac", 0x00bb_0000_0002L, 48)))
                .build();
        Entity memberWire = roundTrip(ECMP, member);
        assertEquals(292153490, memberWire.getActionProfileMember().getActionProfileId());
        assertEquals(bytes(2), memberWire.getActionProfileMember().getAction().getParams(0).getValue());

        PiActionProfileGroup group = PiActionProfileGroup.builder().withActionProfileId(UPLINKS)
                .withId(PiActionProfileGroupId.of(1))
                .addMember(PiActionProfileMemberId.of(11), 1)
                .addMember(PiActionProfileMemberId.of(12), 3)
                .withMaxSize(4)
                .build();
        Entity groupWire = roundTrip(ECMP, group);
        assertEquals(2, groupWire.getActionProfileGroup().getMembersCount());
        assertEquals(3, groupWire.getActionProfileGroup().getMembers(1).getWeight());
        assertEquals(4, groupWire.getActionProfileGroup().getMaxSize());

        PiMatchKey key = PiMatchKey.builder().addFieldMatch(new PiLpmFieldMatch(
                PiMatchFieldId.of("hdr.ipv4.dstAddr"), bits(0x0a000000L, 32), 8)).build();
        roundTrip(ECMP, PiTableEntry.builder().forTable(ECMP_ROUTE).withMatchKey(key)
                .withAction(PiActionProfileGroupId.of(1)).build());
        roundTrip(ECMP, PiTableEntry.builder().forTable(ECMP_ROUTE).withMatchKey(key)
                .withAction(PiActionProfileMemberId.of(11)).build());
        PiActionSet oneShot = PiActionSet.builder()
                .addWeightedAction(action("EcmpIngress.set_uplink", param("port", 1, 9),
                        param("smac", 1, 48), param("dmac", 2, 48)), 2)
                .addWeightedAction(action("EcmpIngress.drop"), 1)
                .build();
        TableEntry setWire = roundTrip(ECMP, PiTableEntry.builder().forTable(ECMP_ROUTE).withMatchKey(key)
                .withAction(oneShot).build()).getTableEntry();
        assertEquals(2, setWire.getAction().getActionProfileActionSet().getActionProfileActionsCount());
        roundTrip(ECMP, PiTableEntry.builder().forTable(ECMP_ROUTE).withAction(action("NoAction")).build());
    }

    @Test
    void multicastGroupAndCloneSession() {
        PiMulticastGroupEntry group = PiMulticastGroupEntry.builder().withGroupId(5)
                .addReplica(new PiPreReplica(PortNumber.portNumber(1), 1))
                .addReplica(new PiPreReplica(PortNumber.portNumber(2), 1))
                .addReplica(new PiPreReplica(PortNumber.portNumber(2), 2))
                .build();
        Entity wire = roundTrip(ROUTING, group);
        assertEquals(3, wire.getPacketReplicationEngineEntry().getMulticastGroupEntry().getReplicasCount());
        assertEquals(5, wire.getPacketReplicationEngineEntry().getMulticastGroupEntry().getMulticastGroupId());

        PiCloneSessionEntry session = PiCloneSessionEntry.builder().withSessionId(100)
                .addReplica(new PiPreReplica(PortNumber.portNumber(255), 0))
                .withClassOfService(2)
                .withMaxPacketLengthBytes(128)
                .build();
        Entity sessionWire = roundTrip(ROUTING, session);
        assertEquals(128, sessionWire.getPacketReplicationEngineEntry().getCloneSessionEntry().getPacketLengthBytes());
    }

    @Test
    void indexedAndDirectCounterCells() {
        PiCounterCell indexed = new PiCounterCell(
                PiCounterCellId.ofIndirect(PiCounterId.of("StIngress.perIndex"), 63), 5, 320);
        Entity wire = roundTrip(STATEFUL, indexed);
        assertEquals(305025047, wire.getCounterEntry().getCounterId());
        assertEquals(63, wire.getCounterEntry().getIndex().getIndex());
        assertEquals(320, wire.getCounterEntry().getData().getByteCount());

        PiTableEntry classified = PiTableEntry.builder().forTable(PiTableId.of("StIngress.classifier"))
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("hdr.ethernet.src"), bits(0x0000_0000_0a0bL, 48))).build())
                .withAction(action("StIngress.classify", param("port", 3, 9)))
                .build();
        PiCounterCell direct = new PiCounterCell(PiCounterCellId.ofDirect(classified), 7, 0);
        Entity directWire = roundTrip(STATEFUL, direct);
        assertEquals(7, directWire.getDirectCounterEntry().getData().getPacketCount());
        assertEquals(bytes(0x0a, 0x0b),
                directWire.getDirectCounterEntry().getTableEntry().getMatch(0).getExact().getValue());

        PiTableEntry withCounter = PiTableEntry.builder().forTable(PiTableId.of("StIngress.classifier"))
                .withMatchKey(classified.matchKey()).withAction(classified.action())
                .withCounterCellData(new PiCounterCellData(9, 900)).build();
        assertEquals(900, roundTrip(STATEFUL, withCounter).getTableEntry().getCounterData().getByteCount());

        Entity readOne = STATEFUL.encodeCounterCellId(indexed.cellId());
        assertFalse(readOne.getCounterEntry().hasData());
        Entity readAll = STATEFUL.encodeCounterReadAll(PiCounterId.of("StIngress.perIndex"));
        assertFalse(readAll.getCounterEntry().hasIndex());
    }

    @Test
    void indexedAndDirectMeterConfigs() {
        PiMeterCellId cell = PiMeterCellId.ofIndirect(PiMeterId.of("MtIngress.policer"), 7);
        PiMeterCellConfig config = PiMeterCellConfig.builder().withMeterCellId(cell)
                .withCommittedBand(10, 2).withPeakBand(20, 4).build();
        Entity wire = roundTrip(METERS, config);
        assertEquals(337203057, wire.getMeterEntry().getMeterId());
        assertEquals(20, wire.getMeterEntry().getConfig().getPir());
        assertEquals(2, wire.getMeterEntry().getConfig().getCburst());

        Entity resetWire = roundTrip(METERS, PiMeterCellConfig.reset(cell));
        assertFalse(resetWire.getMeterEntry().hasConfig());

        PiTableEntry police = PiTableEntry.builder().forTable(PiTableId.of("MtIngress.police"))
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("hdr.ethernet.src"), bits(1, 48))).build())
                .withAction(action("MtIngress.metered"))
                .build();
        PiMeterCellConfig direct = PiMeterCellConfig.builder().withMeterCellId(PiMeterCellId.ofDirect(police))
                .withCommittedBand(1000, 1500).withPeakBand(2000, 3000).build();
        Entity directWire = roundTrip(METERS, direct);
        assertEquals(3000, directWire.getDirectMeterEntry().getConfig().getPburst());

        TableEntry entryWithMeter = METERS.encodeTableEntry(police, direct);
        assertEquals(1000, entryWithMeter.getMeterConfig().getCir());
        assertEquals(police, METERS.decodeTableEntry(entryWithMeter));
        assertEquals(direct, METERS.decodeDirectMeterConfig(entryWithMeter).orElseThrow());
        assertTrue(METERS.decodeDirectMeterConfig(METERS.encodeTableEntry(police)).isEmpty());
    }

    @Test
    void idleTimeoutOnATableThatSupportsIt() {
        P4Info base = P4Infos.index("routing").p4Info();
        P4Info.Builder withTimeout = base.toBuilder();
        withTimeout.setTables(0, base.getTables(0).toBuilder()
                .setIdleTimeoutBehavior(Table.IdleTimeoutBehavior.NOTIFY_CONTROL));
        P4RuntimeCodec codec = P4RuntimeCodec.of(P4InfoIndex.of(withTimeout.build()));
        PiTableEntry entry = PiTableEntry.builder().forTable(PiTableId.of("RoutingIngress.ipv4_lpm"))
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiLpmFieldMatch(
                        PiMatchFieldId.of("hdr.ipv4.dstAddr"), bits(0x0a000001L, 32), 32)).build())
                .withAction(action("RoutingIngress.drop", param("reason", 2, 2)))
                .withTimeout(2.5)
                .build();
        assertEquals(2_500_000_000L, roundTrip(codec, entry).getTableEntry().getIdleTimeoutNs());
    }

    @Test
    void packetOutAndPacketInWithControllerMetadata() {
        ImmutableByteSequence frame = Pi.raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 1, 2, 3, 4, 5, 0x08, 0x06);
        PiPacketOperation out = PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_OUT)
                .withData(frame)
                .withMetadata(PiPacketMetadata.builder().withId(PiPacketMetadataId.of("egress_port"))
                        .withValue(bits(3, 9)).build())
                .build();
        PacketOut outWire = PACKETIO.encodePacketOut(out);
        assertEquals(1, outWire.getMetadata(0).getMetadataId());
        assertEquals(bytes(3), outWire.getMetadata(0).getValue());
        assertEquals(ByteString.copyFrom(frame.asArray()), outWire.getPayload());
        assertEquals(out, PACKETIO.decodePacketOut(outWire));

        PiPacketOperation in = PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_IN)
                .withData(frame)
                .withMetadata(PiPacketMetadata.builder().withId(PiPacketMetadataId.of("ingress_port"))
                        .withValue(bits(0x101, 9)).build())
                .withMetadata(PiPacketMetadata.builder().withId(PiPacketMetadataId.of("_pad"))
                        .withValue(bits(0, 7)).build())
                .build();
        PacketIn inWire = PACKETIO.encodePacketIn(in);
        assertEquals(2, inWire.getMetadataCount());
        assertEquals(bytes(1, 1), inWire.getMetadata(0).getValue());
        assertEquals(in, PACKETIO.decodePacketIn(inWire));
    }

    @Test
    void paddedWireValuesDecodeLikeCanonicalOnes() {
        PiTableEntry entry = PiTableEntry.builder().forTable(PiTableId.of("StIngress.classifier"))
                .withMatchKey(PiMatchKey.builder().addFieldMatch(new PiExactFieldMatch(
                        PiMatchFieldId.of("hdr.ethernet.src"), bits(0x0a0b, 48))).build())
                .withAction(action("StIngress.classify", param("port", 3, 9)))
                .build();
        TableEntry canonical = STATEFUL.encodeTableEntry(entry);
        TableEntry.Builder padded = canonical.toBuilder();
        padded.getMatchBuilder(0).getExactBuilder().setValue(bytes(0, 0, 0, 0, 0x0a, 0x0b));
        padded.getActionBuilder().getActionBuilder().getParamsBuilder(0).setValue(bytes(0, 0, 3));
        assertEquals(entry, STATEFUL.decodeTableEntry(padded.build()));
    }

    private static ByteString bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return ByteString.copyFrom(out);
    }
}
