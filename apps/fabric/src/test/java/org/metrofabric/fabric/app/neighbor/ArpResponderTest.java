package org.metrofabric.fabric.app.neighbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.app.FabricManager;
import org.metrofabric.fabric.app.Instances;
import org.metrofabric.fabric.testing.FakeNetwork;
import org.metrofabric.fabric.testing.RecordingPacketService;
import org.onlab.packet.ARP;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onlab.packet.Ip4Address;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions;
import org.onosproject.net.packet.DefaultInboundPacket;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.DefaultPacketContext;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContext;

/**
 * The responder inside a FabricManager mastering every switch of metro-2x4: leaf1 (router MAC
 * 00:bb:00:00:00:01, subnet 10.1.1.0/24, host ports 3 and 4) has h1a (10.1.1.10) on port 3 and
 * h1b (10.1.1.11) on port 4; its uplinks are ports 1 and 2.
 */
class ArpResponderTest {
    private static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    private static final ConnectPoint H1A_PORT = ConnectPoint.deviceConnectPoint("device:leaf1/3");
    private static final MacAddress H1A_MAC = MacAddress.valueOf("00:00:0A:01:01:0A");
    private static final Ip4Address H1A_IP = Ip4Address.valueOf("10.1.1.10");
    private static final MacAddress H1B_MAC = MacAddress.valueOf("00:00:0A:01:01:0B");
    private static final MacAddress LEAF1_ROUTER_MAC = MacAddress.valueOf("00:bb:00:00:00:01");

    private Instances cluster;
    private FabricManager manager;
    private RecordingPacketService packets;

    @BeforeEach
    void start() {
        cluster = new Instances(FakeNetwork.shipped("metro-2x4"));
        manager = Instances.single(cluster);
        packets = cluster.packets;
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            Instances.stop(manager);
        }
    }

    @Test
    void requestsArpWhileActive() {
        assertEquals(List.of(ArpResponder.ARP_SELECTOR), packets.requested);
        assertEquals(1, packets.processors.size());
        Instances.stop(manager);
        manager = null;
        assertTrue(packets.requested.isEmpty(), "ARP request cancelled");
        assertTrue(packets.processors.isEmpty(), "processor removed");
    }

    @Test
    void answersForTheGatewayWithTheRouterMac() throws DeserializationException {
        PacketContext context = deliver(H1A_PORT, request(H1A_MAC, H1A_IP, "10.1.1.1"));

        assertTrue(context.isHandled());
        assertReply(single(), H1A_PORT, LEAF1_ROUTER_MAC, "10.1.1.1");
    }

    @Test
    void answersForAHostOnTheSameLeafWithItsMac() throws DeserializationException {
        deliver(H1A_PORT, request(H1A_MAC, H1A_IP, "10.1.1.11"));

        assertReply(single(), H1A_PORT, H1B_MAC, "10.1.1.11");
    }

    @Test
    void answersOnTheHostPortTheRequestCameFrom() throws DeserializationException {
        ConnectPoint h1bPort = ConnectPoint.deviceConnectPoint("device:leaf1/4");
        deliver(h1bPort, request(H1B_MAC, Ip4Address.valueOf("10.1.1.11"), "10.1.1.10"));

        OutboundPacket reply = single();
        assertEquals(LEAF1, reply.sendThrough());
        Ethernet frame = Ethernet.deserializer().deserialize(reply.data().array(), 0, reply.data().remaining());
        assertEquals(H1B_MAC, frame.getDestinationMAC());
        assertEquals(H1A_MAC, frame.getSourceMAC());
        assertEquals(List.of(Instructions.createOutput(PortNumber.portNumber(4))),
                reply.treatment().allInstructions());
    }

    @Test
    void leavesUnknownTargetsUnanswered() {
        PacketContext context = deliver(H1A_PORT, request(H1A_MAC, H1A_IP, "10.1.1.99"));

        assertFalse(context.isHandled());
        assertTrue(packets.emitted.isEmpty());
    }

    @Test
    void leavesTargetsOutsideTheLeafsSubnetsUnanswered() {
        // h2a exists, but on leaf2: a host on leaf1 reaches it through its gateway, not by ARP.
        deliver(H1A_PORT, request(H1A_MAC, H1A_IP, "10.1.2.10"));

        assertTrue(packets.emitted.isEmpty());
    }

    @Test
    void ignoresRepliesAndGratuitousArp() {
        Ethernet reply = ARP.buildArpReply(H1A_IP, H1A_MAC, request(H1B_MAC, Ip4Address.valueOf("10.1.1.11"),
                "10.1.1.10"));
        deliver(H1A_PORT, reply);
        deliver(H1A_PORT, request(H1A_MAC, H1A_IP, "10.1.1.10"));

        assertTrue(packets.emitted.isEmpty());
    }

    @Test
    void ignoresRequestsFromUplinksAndSpines() {
        deliver(ConnectPoint.deviceConnectPoint("device:leaf1/1"), request(H1A_MAC, H1A_IP, "10.1.1.1"));
        deliver(ConnectPoint.deviceConnectPoint("device:spine1/1"), request(H1A_MAC, H1A_IP, "10.1.1.1"));

        assertTrue(packets.emitted.isEmpty());
    }

    @Test
    void onlyTheMasterOfTheLeafAnswers() {
        cluster.mastership.setMaster(LEAF1, "b");

        PacketContext context = deliver(H1A_PORT, request(H1A_MAC, H1A_IP, "10.1.1.1"));

        assertFalse(context.isHandled());
        assertTrue(packets.emitted.isEmpty());
    }

    @Test
    void leavesPacketsAnotherProcessorHandled() {
        Ethernet frame = request(H1A_MAC, H1A_IP, "10.1.1.1");
        PacketContext context = context(H1A_PORT, frame);
        context.block();

        packets.deliver(context);

        assertTrue(packets.emitted.isEmpty());
    }

    @Test
    void gatewayIsTheSubnetsFirstHostAddress() {
        assertEquals(Ip4Address.valueOf("10.2.0.1"), ArpResponder.gateway(IpPrefix.valueOf("10.2.0.0/16")));
    }

    private OutboundPacket single() {
        assertEquals(1, packets.emitted.size(), "one reply: " + packets.emitted);
        return packets.emitted.get(0);
    }

    private static void assertReply(OutboundPacket packet, ConnectPoint to, MacAddress answer, String targetIp)
            throws DeserializationException {
        assertEquals(to.deviceId(), packet.sendThrough());
        List<Instruction> instructions = packet.treatment().allInstructions();
        assertEquals(List.of(Instructions.createOutput(to.port())), instructions);
        ByteBuffer data = packet.data();
        Ethernet frame = Ethernet.deserializer().deserialize(data.array(), data.position(), data.remaining());
        assertEquals(Ethernet.TYPE_ARP, frame.getEtherType());
        assertEquals(H1A_MAC, frame.getDestinationMAC());
        assertEquals(answer, frame.getSourceMAC());
        ARP arp = (ARP) frame.getPayload();
        assertEquals(ARP.OP_REPLY, arp.getOpCode());
        assertArrayEquals(answer.toBytes(), arp.getSenderHardwareAddress());
        assertArrayEquals(Ip4Address.valueOf(targetIp).toOctets(), arp.getSenderProtocolAddress());
        assertArrayEquals(H1A_MAC.toBytes(), arp.getTargetHardwareAddress());
        assertArrayEquals(H1A_IP.toOctets(), arp.getTargetProtocolAddress());
    }

    private PacketContext deliver(ConnectPoint ingress, Ethernet frame) {
        PacketContext context = context(ingress, frame);
        packets.deliver(context);
        return context;
    }

    private static Ethernet request(MacAddress senderMac, Ip4Address senderIp, String targetIp) {
        return ARP.buildArpRequest(senderMac.toBytes(), senderIp.toOctets(),
                Ip4Address.valueOf(targetIp).toOctets(), Ethernet.VLAN_UNTAGGED);
    }

    /** A packet-in context as the packet manager builds it; sending is the processor's own emit. */
    private static PacketContext context(ConnectPoint ingress, Ethernet frame) {
        ByteBuffer raw = ByteBuffer.wrap(frame.serialize());
        OutboundPacket out = new DefaultOutboundPacket(ingress.deviceId(), null, raw.duplicate());
        return new DefaultPacketContext(0, new DefaultInboundPacket(ingress, frame, raw), out, false) {
            @Override
            public void send() {
                throw new AssertionError("the responder emits its own reply; it never sends the packet-in");
            }
        };
    }
}
