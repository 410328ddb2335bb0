package org.metrofabric.p4sim.metro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import p4.config.v1.P4InfoOuterClass.P4Info;

/** Controller packet I/O of metro.p4 on p4sim: punts to CPU port 255 with packet_in, and packet-outs. */
class MetroPacketIoTest {
    private static final String HOST_MAC = "00:00:00:00:01:01";
    private static final String LEAF_MAC = "00:00:00:00:0a:01";

    static Stream<Arguments> discoveryFrames() {
        byte[] arp = Frames.arpRequest(HOST_MAC, "10.0.1.1", "10.0.1.254");
        byte[] lldp = Frames.lldp("00:00:00:00:0c:07", "of:0000000000000002", 7);
        byte[] bddp = Frames.bddp("00:00:00:00:0c:07", "of:0000000000000002", 7);
        byte[] taggedArp = Frames.ethernet(Frames.BROADCAST, HOST_MAC, Frames.ETHERTYPE_VLAN,
                concat(new byte[] {0x00, 0x0a, 0x08, 0x06}, Arrays.copyOfRange(arp, 14, arp.length)));
        // Ports above 255 need the ninth bit of packet_in.ingress_port.
        return Stream.of(
                Arguments.of("ARP", arp, 1), Arguments.of("ARP", arp, 300),
                Arguments.of("LLDP", lldp, 7), Arguments.of("LLDP", lldp, 510),
                Arguments.of("BDDP", bddp, 2), Arguments.of("BDDP", bddp, 257),
                Arguments.of("802.1Q ARP", taggedArp, 3));
    }

    @ParameterizedTest(name = "{0} on port {2}")
    @MethodSource("discoveryFrames")
    void discoveryFramesArePuntedWithTheirIngressPort(String kind, byte[] frame, int ingressPort) {
        MetroSwitch leaf = MetroSwitch.create();

        OutputPacket out = Verify.onePacket(leaf.send(ingressPort, frame), MetroSwitch.CPU_PORT);

        ControllerHeaders.PacketIn packetIn = ControllerHeaders.decodePacketIn(leaf.p4info(), out.bytes());
        assertEquals(ingressPort, packetIn.get("ingress_port"), kind + " packet_in.ingress_port");
        assertEquals(0, packetIn.get("_pad"), kind + " packet_in._pad");
        assertArrayEquals(frame, packetIn.payload(), kind + " reaches the controller unchanged");
        assertEquals(frame.length + 2, out.bytes().length, "packet_in is 9 + 7 bits");
    }

    @Test
    void controllerHeadersAreNineBitPortsPaddedToTwoBytesInTheP4Info() {
        P4Info p4info = MetroSwitch.create().p4info();
        assertEquals(List.of("ingress_port:9", "_pad:7"), layout(p4info, "packet_in"));
        assertEquals(List.of("egress_port:9", "_pad:7"), layout(p4info, "packet_out"));
    }

    private static List<String> layout(P4Info p4info, String header) {
        return p4info.getControllerPacketMetadataList().stream().filter(h -> h.getPreamble().getName().equals(header))
                .flatMap(h -> h.getMetadataList().stream()).map(m -> m.getName() + ":" + m.getBitwidth()).toList();
    }

    @Test
    void routedIpv4IsNotPunted() {
        MetroSwitch leaf = MetroSwitch.create();
        leaf.route("10.0.1.2/32", leaf.setNextHop(2, LEAF_MAC, "00:00:00:00:01:02"));

        Verify.onePacket(leaf.send(1, Frames.udp().ipDst("10.0.1.2").build()), 2);
    }

    @Test
    void packetOutLeavesTheRequestedPortUnchangedAndBypassesThePipeline() {
        MetroSwitch leaf = MetroSwitch.create();
        // Would be dropped by the pipeline three times over: no route, TTL 1 and a bad checksum.
        byte[] frame = Frames.udp().ipDst("192.168.1.1").ttl(1).corruptChecksum().build();
        byte[] arpReply = Frames.arpRequest(LEAF_MAC, "10.0.1.254", "10.0.1.1");

        for (int port : new int[] {1, 4, 300}) {
            byte[] packetOut = ControllerHeaders.encodePacketOut(leaf.p4info(), Map.of("egress_port", (long) port),
                    frame);
            Verify.packet(leaf.send(MetroSwitch.CPU_PORT, packetOut), frame, port);
        }
        Verify.packet(leaf.send(MetroSwitch.CPU_PORT,
                ControllerHeaders.encodePacketOut(leaf.p4info(), Map.of("egress_port", 2L), arpReply)), arpReply, 2);
        for (int reason = 0; reason < MetroSwitch.DROP_REASONS; reason++) {
            assertEquals(0, leaf.dropCounter(reason).data().packets(), "drop_counter[" + reason + "]");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
