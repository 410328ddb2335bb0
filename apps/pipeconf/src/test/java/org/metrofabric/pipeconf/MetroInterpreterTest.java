package org.metrofabric.pipeconf;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlab.packet.ChassisId;
import org.onlab.packet.Ethernet;
import org.onlab.packet.MacAddress;
import org.onlab.util.ImmutableByteSequence;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DefaultDevice;
import org.onosproject.net.DefaultPort;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Port;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.device.DeviceServiceAdapter;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.pi.model.PiPacketOperationType;
import org.onosproject.net.pi.model.PiPipelineInterpreter.PiInterpreterException;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionParam;
import org.onosproject.net.pi.runtime.PiPacketMetadata;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.provider.ProviderId;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.pipeconf.MetroConstants.DROP;
import static org.metrofabric.pipeconf.MetroConstants.DROP_BY_ROUTE;
import static org.metrofabric.pipeconf.MetroConstants.DST_MAC;
import static org.metrofabric.pipeconf.MetroConstants.ECMP;
import static org.metrofabric.pipeconf.MetroConstants.EGRESS_PORT;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DSCP;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_DST_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.HDR_IPV4_SRC_ADDR;
import static org.metrofabric.pipeconf.MetroConstants.INGRESS_PORT;
import static org.metrofabric.pipeconf.MetroConstants.META_ETHER_TYPE;
import static org.metrofabric.pipeconf.MetroConstants.PAD;
import static org.metrofabric.pipeconf.MetroConstants.PATH_PINNING;
import static org.metrofabric.pipeconf.MetroConstants.PORT;
import static org.metrofabric.pipeconf.MetroConstants.PUNT;
import static org.metrofabric.pipeconf.MetroConstants.PUNT_TO_CPU;
import static org.metrofabric.pipeconf.MetroConstants.REASON;
import static org.metrofabric.pipeconf.MetroConstants.ROUTING_V4;
import static org.metrofabric.pipeconf.MetroConstants.SET_NEXT_HOP;
import static org.metrofabric.pipeconf.MetroConstants.SRC_MAC;

class MetroInterpreterTest {

    private static final Device LEAF = new DefaultDevice(new ProviderId("p4runtime", "test"),
            DeviceId.deviceId("device:leaf1"), Device.Type.SWITCH, "p4.org", "bmv2", "1", "1", new ChassisId(1));
    private static final DeviceId LEAF_ID = LEAF.id();
    private static final MacAddress HOST_MAC = MacAddress.valueOf("00:00:00:00:00:0a");
    private static final MacAddress ROUTER_MAC = MacAddress.valueOf("02:00:00:00:00:01");

    private MetroInterpreter interpreter;
    private byte[] frame;

    @BeforeEach
    void setUp() {
        List<Port> ports = ImmutableList.of(
                new DefaultPort(LEAF, PortNumber.portNumber(1), true),
                new DefaultPort(LEAF, PortNumber.portNumber(2), true),
                new DefaultPort(LEAF, PortNumber.portNumber(3), false),   // disabled
                new DefaultPort(LEAF, PortNumber.portNumber(4), true),
                new DefaultPort(LEAF, PortNumber.portNumber(255), true),  // CPU port
                new DefaultPort(LEAF, PortNumber.LOCAL, true));
        DeviceService devices = new DeviceServiceAdapter(ports);
        interpreter = new MetroInterpreter();
        interpreter.setHandler(new TestDriverHandler(LEAF_ID, ImmutableMap.of(DeviceService.class, devices)));
        frame = lldpLikeFrame();
    }

    private static byte[] lldpLikeFrame() {
        Ethernet eth = new Ethernet();
        eth.setDestinationMACAddress(MacAddress.valueOf("01:80:c2:00:00:0e"));
        eth.setSourceMACAddress(ROUTER_MAC);
        eth.setEtherType(Ethernet.TYPE_LLDP);
        eth.setPad(true);
        return eth.serialize();
    }

    private Collection<PiPacketOperation> packetOut(TrafficTreatment treatment, PortNumber inPort)
            throws PiInterpreterException {
        return interpreter.mapOutboundPacket(
                new DefaultOutboundPacket(LEAF_ID, treatment, ByteBuffer.wrap(frame), inPort));
    }

    private static TrafficTreatment output(PortNumber port) {
        return DefaultTrafficTreatment.builder().setOutput(port).build();
    }

    private static long egressPort(PiPacketOperation operation) {
        PiPacketMetadata port = operation.metadatas().stream()
                .filter(metadata -> metadata.id().equals(EGRESS_PORT)).findFirst().orElseThrow();
        byte[] bytes = port.value().asArray();
        assertEquals(2, bytes.length, "a 9-bit port is sent in two bytes");
        return ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    }

    private static List<Long> egressPorts(Collection<PiPacketOperation> operations) {
        return operations.stream().map(MetroInterpreterTest::egressPort).collect(Collectors.toList());
    }

    @Test
    void packetOutToAPortCarriesTheFrameAndTheEgressPort() throws Exception {
        Collection<PiPacketOperation> operations = packetOut(output(PortNumber.portNumber(2)), null);
        assertEquals(1, operations.size());
        PiPacketOperation operation = operations.iterator().next();
        assertEquals(PiPacketOperationType.PACKET_OUT, operation.type());
        assertArrayEquals(frame, operation.data().asArray());
        assertEquals(2L, egressPort(operation));
        PiPacketMetadata pad = operation.metadatas().stream()
                .filter(metadata -> metadata.id().equals(PAD)).findFirst().orElseThrow();
        assertArrayEquals(new byte[]{0}, pad.value().asArray());
    }

    @Test
    void floodGoesToEveryEnabledFrontPanelPortExceptTheIngress() throws Exception {
        assertEquals(List.of(1L, 2L, 4L), egressPorts(packetOut(output(PortNumber.FLOOD), null)));
        assertEquals(List.of(1L, 4L), egressPorts(packetOut(output(PortNumber.FLOOD), PortNumber.portNumber(2))));
        assertEquals(List.of(2L, 4L), egressPorts(packetOut(output(PortNumber.ALL), PortNumber.portNumber(1))));
        for (PiPacketOperation operation : packetOut(output(PortNumber.FLOOD), null)) {
            assertArrayEquals(frame, operation.data().asArray(), "every copy carries the whole frame");
        }
    }

    @Test
    void floodWithNowhereToGoSendsNothing() throws Exception {
        DeviceService onePort = new DeviceServiceAdapter(
                ImmutableList.of(new DefaultPort(LEAF, PortNumber.portNumber(1), true)));
        interpreter = new MetroInterpreter();
        interpreter.setHandler(new TestDriverHandler(LEAF_ID, ImmutableMap.of(DeviceService.class, onePort)));
        assertEquals(List.of(), egressPorts(packetOut(output(PortNumber.FLOOD), PortNumber.portNumber(1))));
    }

    @Test
    void severalOutputsGiveOnePacketOutEach() throws Exception {
        TrafficTreatment twoPorts = DefaultTrafficTreatment.builder()
                .setOutput(PortNumber.portNumber(4)).setOutput(PortNumber.portNumber(1)).build();
        assertEquals(List.of(4L, 1L), egressPorts(packetOut(twoPorts, null)));
    }

    @Test
    void inPortOutputGoesBackToTheInPort() throws Exception {
        assertEquals(List.of(4L), egressPorts(packetOut(output(PortNumber.IN_PORT), PortNumber.portNumber(4))));
        PiInterpreterException error = assertThrows(PiInterpreterException.class,
                () -> packetOut(output(PortNumber.IN_PORT), null));
        assertTrue(error.getMessage().contains("IN_PORT"));
    }

    @Test
    void packetOutRejectsWhatMetroP4CannotDo() {
        PiInterpreterException controller = assertThrows(PiInterpreterException.class,
                () -> packetOut(output(PortNumber.CONTROLLER), null));
        assertTrue(controller.getMessage().contains("logical port"), controller.getMessage());
        PiInterpreterException tooBig = assertThrows(PiInterpreterException.class,
                () -> packetOut(output(PortNumber.portNumber(512)), null));
        assertTrue(tooBig.getMessage().contains("9-bit"), tooBig.getMessage());
        PiInterpreterException rewrite = assertThrows(PiInterpreterException.class, () -> packetOut(
                DefaultTrafficTreatment.builder().setEthDst(HOST_MAC).setOutput(PortNumber.portNumber(1)).build(),
                null));
        assertTrue(rewrite.getMessage().contains("OUTPUT"), rewrite.getMessage());
        PiInterpreterException nowhere = assertThrows(PiInterpreterException.class,
                () -> packetOut(DefaultTrafficTreatment.emptyTreatment(), null));
        assertTrue(nowhere.getMessage().contains("no port"), nowhere.getMessage());
    }

    private static PiPacketOperation packetIn(byte[] data, PiPacketMetadata... metadata) {
        return PiPacketOperation.builder()
                .withType(PiPacketOperationType.PACKET_IN)
                .withData(ImmutableByteSequence.copyFrom(data))
                .withMetadatas(ImmutableList.copyOf(metadata))
                .build();
    }

    private static PiPacketMetadata metadata(org.onosproject.net.pi.model.PiPacketMetadataId id, byte... value) {
        return PiPacketMetadata.builder().withId(id).withValue(ImmutableByteSequence.copyFrom(value)).build();
    }

    @Test
    void packetInIsReceivedFromItsIngressPort() throws Exception {
        InboundPacket inbound = interpreter.mapInboundPacket(
                packetIn(frame, metadata(INGRESS_PORT, (byte) 0x01, (byte) 0x05), metadata(PAD, (byte) 0)),
                LEAF_ID);
        assertEquals(new ConnectPoint(LEAF_ID, PortNumber.portNumber(261)), inbound.receivedFrom());
        assertEquals(Ethernet.TYPE_LLDP, inbound.parsed().getEtherType());
        assertEquals(ROUTER_MAC, inbound.parsed().getSourceMAC());
        byte[] unparsed = new byte[inbound.unparsed().remaining()];
        inbound.unparsed().duplicate().get(unparsed);
        assertArrayEquals(frame, unparsed);
    }

    @Test
    void packetInAcceptsAOneBytePort() throws Exception {
        InboundPacket inbound = interpreter.mapInboundPacket(packetIn(frame, metadata(INGRESS_PORT, (byte) 3)),
                                                             LEAF_ID);
        assertEquals(PortNumber.portNumber(3), inbound.receivedFrom().port());
    }

    @Test
    void packetInWithoutIngressPortIsRejected() {
        PiInterpreterException error = assertThrows(PiInterpreterException.class,
                () -> interpreter.mapInboundPacket(packetIn(frame, metadata(PAD, (byte) 0)), LEAF_ID));
        assertTrue(error.getMessage().contains("ingress_port"), error.getMessage());
    }

    @Test
    void packetInWithAPortWiderThanNineBitsIsRejected() {
        PiInterpreterException error = assertThrows(PiInterpreterException.class, () -> interpreter.mapInboundPacket(
                packetIn(frame, metadata(INGRESS_PORT, (byte) 0x02, (byte) 0x00)), LEAF_ID));
        assertTrue(error.getMessage().contains("9 bits"), error.getMessage());
    }

    @Test
    void packetInThatIsNotEthernetIsRejected() {
        PiInterpreterException error = assertThrows(PiInterpreterException.class, () -> interpreter.mapInboundPacket(
                packetIn(new byte[]{1, 2, 3}, metadata(INGRESS_PORT, (byte) 1)), LEAF_ID));
        assertTrue(error.getMessage().contains("not an Ethernet frame"), error.getMessage());
    }

    @Test
    void aPacketOutIsNotAPacketIn() {
        PiPacketOperation out = PiPacketOperation.builder().withType(PiPacketOperationType.PACKET_OUT)
                .withData(ImmutableByteSequence.copyFrom(frame)).build();
        assertThrows(PiInterpreterException.class, () -> interpreter.mapInboundPacket(out, LEAF_ID));
    }

    @Test
    void criteriaMapToTheMatchFieldsOfMetroP4() {
        assertEquals(Optional.of(META_ETHER_TYPE), interpreter.mapCriterionType(Criterion.Type.ETH_TYPE));
        assertEquals(Optional.of(HDR_IPV4_SRC_ADDR), interpreter.mapCriterionType(Criterion.Type.IPV4_SRC));
        assertEquals(Optional.of(HDR_IPV4_DST_ADDR), interpreter.mapCriterionType(Criterion.Type.IPV4_DST));
        assertEquals(Optional.of(HDR_IPV4_DSCP), interpreter.mapCriterionType(Criterion.Type.IP_DSCP));
        // metro.p4 has no table keyed on these: ONOS must not pretend it can match them.
        assertEquals(Optional.empty(), interpreter.mapCriterionType(Criterion.Type.IN_PORT));
        assertEquals(Optional.empty(), interpreter.mapCriterionType(Criterion.Type.ETH_DST));
        assertEquals(Optional.empty(), interpreter.mapCriterionType(Criterion.Type.ETH_SRC));
        assertEquals(Optional.empty(), interpreter.mapFlowRuleTableId(0));
    }

    @Test
    void controllerIsTheCpuPort() {
        assertEquals(Optional.of(255), interpreter.mapLogicalPortNumber(PortNumber.CONTROLLER));
        assertEquals(Optional.empty(), interpreter.mapLogicalPortNumber(PortNumber.FLOOD));
    }

    @Test
    void puntTreatmentMapsToPuntToCpu() throws Exception {
        TrafficTreatment punt = DefaultTrafficTreatment.builder().punt().wipeDeferred().build();
        assertEquals(PiAction.builder().withId(PUNT_TO_CPU).build(), interpreter.mapTreatment(punt, PUNT));
        assertThrows(PiInterpreterException.class,
                     () -> interpreter.mapTreatment(output(PortNumber.portNumber(1)), PUNT));
    }

    @Test
    void nextHopTreatmentMapsToSetNextHopInEveryForwardingTable() throws Exception {
        TrafficTreatment nextHop = DefaultTrafficTreatment.builder()
                .setEthSrc(ROUTER_MAC).setEthDst(HOST_MAC).setOutput(PortNumber.portNumber(3)).build();
        PiAction expected = PiAction.builder().withId(SET_NEXT_HOP)
                .withParameter(new PiActionParam(PORT, 3L))
                .withParameter(new PiActionParam(SRC_MAC, ROUTER_MAC.toBytes()))
                .withParameter(new PiActionParam(DST_MAC, HOST_MAC.toBytes()))
                .build();
        assertEquals(expected, interpreter.mapTreatment(nextHop, ROUTING_V4));
        assertEquals(expected, interpreter.mapTreatment(nextHop, PATH_PINNING));
        assertEquals(expected, interpreter.mapTreatment(nextHop, ECMP));
    }

    @Test
    void emptyRouteTreatmentIsABlackhole() throws Exception {
        PiAction expected = PiAction.builder().withId(DROP)
                .withParameter(new PiActionParam(REASON, DROP_BY_ROUTE)).build();
        assertEquals(expected, interpreter.mapTreatment(DefaultTrafficTreatment.emptyTreatment(), ROUTING_V4));
        assertThrows(PiInterpreterException.class,
                     () -> interpreter.mapTreatment(DefaultTrafficTreatment.emptyTreatment(), PATH_PINNING));
    }

    @Test
    void treatmentsMetroP4CannotApplyAreRejected() {
        TrafficTreatment withoutMacs = output(PortNumber.portNumber(1));
        PiInterpreterException missing = assertThrows(PiInterpreterException.class,
                () -> interpreter.mapTreatment(withoutMacs, ROUTING_V4));
        assertTrue(missing.getMessage().contains("ETH_SRC and ETH_DST"), missing.getMessage());
        TrafficTreatment vlan = DefaultTrafficTreatment.builder().pushVlan().setOutput(PortNumber.portNumber(1))
                .build();
        PiInterpreterException cannot = assertThrows(PiInterpreterException.class,
                () -> interpreter.mapTreatment(vlan, ROUTING_V4));
        assertTrue(cannot.getMessage().contains("cannot apply"), cannot.getMessage());
        TrafficTreatment twice = DefaultTrafficTreatment.builder().setEthSrc(ROUTER_MAC).setEthSrc(HOST_MAC)
                .setEthDst(HOST_MAC).setOutput(PortNumber.portNumber(1)).build();
        PiInterpreterException duplicate = assertThrows(PiInterpreterException.class,
                () -> interpreter.mapTreatment(twice, ROUTING_V4));
        assertTrue(duplicate.getMessage().contains("twice"), duplicate.getMessage());
        TrafficTreatment bigPort = DefaultTrafficTreatment.builder().setEthSrc(ROUTER_MAC).setEthDst(HOST_MAC)
                .setOutput(PortNumber.portNumber(600)).build();
        assertThrows(PiInterpreterException.class, () -> interpreter.mapTreatment(bigPort, ECMP));
        assertThrows(PiInterpreterException.class, () -> interpreter.mapTreatment(
                output(PortNumber.CONTROLLER), org.onosproject.net.pi.model.PiTableId.of("IngressPipe.unknown")));
    }
}
