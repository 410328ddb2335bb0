package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.PingSession;
import org.metrofabric.emulator.packet.Arp;
import org.metrofabric.emulator.packet.Ethernet;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketService;

/** Packet-in and packet-out between the emulated switches and PacketProcessors, through MetroInterpreter. */
class PacketIoTest {
    private final Fabric fabric = OnosFixture.fabric();
    private final EmbeddedOnos onos = connect(fabric);
    private final ControllerInstance c1 = onos.addInstance("c1");
    private final PacketService packets = c1.service(PacketService.class);
    private final Host h1a = fabric.host("h1a");
    private final Host h1b = fabric.host("h1b");
    private final List<InboundPacket> received = new ArrayList<>();

    /** How the embedded ONOS reaches the switches; {@link PacketIoOverP4RuntimeTest} goes over gRPC. */
    EmbeddedOnos connect(Fabric emulated) {
        return OnosFixture.onos(emulated);
    }

    @AfterEach
    void disconnect() {
        onos.close();
    }

    private void run() {
        fabric.scheduler().runUntilIdle();
    }

    @Test
    void anArpRequestReachesTheProcessorFromTheHostPort() {
        packets.addProcessor(context -> received.add(context.inPacket()), PacketProcessor.director(1));
        h1a.ping(h1b.ip(), 1, SimTime.millis(1));
        run();
        assertEquals(1, received.size());
        InboundPacket arp = received.get(0);
        assertEquals(new ConnectPoint(LEAF1, PortNumber.portNumber(3)), arp.receivedFrom());
        assertEquals(org.onlab.packet.Ethernet.TYPE_ARP, arp.parsed().getEtherType());
        assertEquals(org.onlab.packet.MacAddress.valueOf(h1a.mac()), arp.parsed().getSourceMAC());
    }

    @Test
    void processorsRunInPriorityOrderAndEachSeesThePacket() {
        List<String> order = new ArrayList<>();
        packets.addProcessor(context -> order.add("observer"), PacketProcessor.observer(1));
        packets.addProcessor(context -> order.add("director"), PacketProcessor.director(1));
        packets.addProcessor(context -> order.add("advisor"), PacketProcessor.advisor(1));
        h1a.ping(h1b.ip(), 1, SimTime.millis(1));
        run();
        assertEquals(List.of("advisor", "director", "observer"), order);
    }

    @Test
    void aControllerThatRelaysArpLetsTwoHostsOfALeafPing() {
        c1.service(FlowRuleService.class).applyFlowRules(
                MetroRules.route(LEAF1, "10.1.1.10/32", setNextHop(3, "00:bb:00:00:00:01", "00:00:0a:01:01:0a")),
                MetroRules.route(LEAF1, "10.1.1.11/32", setNextHop(4, "00:bb:00:00:00:01", "00:00:0a:01:01:0b")));
        packets.addProcessor(context -> {
            long in = context.inPacket().receivedFrom().port().toLong();
            context.treatmentBuilder().setOutput(PortNumber.portNumber(in == 3 ? 4 : 3));
            context.send();
        }, PacketProcessor.director(1));
        PingSession ping = h1a.ping(h1b.ip(), 2, SimTime.millis(1));
        run();
        assertEquals(2, ping.received());
        assertEquals(h1b.mac(), h1a.arpEntry(h1b.ip()).orElseThrow());
    }

    @Test
    void anEmittedPacketReachesTheHostOnItsPort() {
        packets.addProcessor(context -> received.add(context.inPacket()), PacketProcessor.director(1));
        byte[] request = Ethernet.frame(Ethernet.BROADCAST, h1a.mac(), Ethernet.TYPE_ARP,
                Arp.request(h1a.mac(), h1a.ip(), h1b.ip()).encode());
        packets.emit(new DefaultOutboundPacket(LEAF1,
                DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(4)).build(), ByteBuffer.wrap(request)));
        run();
        assertEquals(h1a.mac(), h1b.arpEntry(h1a.ip()).orElseThrow(), "h1b got the request");
        assertEquals(1, received.size(), "h1b's reply is punted back");
        assertEquals(new ConnectPoint(LEAF1, PortNumber.portNumber(4)), received.get(0).receivedFrom());
    }

    @Test
    void aFloodGoesOutOfEveryEnabledPortButTheInPort() {
        packets.addProcessor(context -> received.add(context.inPacket()), PacketProcessor.director(1));
        fabric.link("spine2", "leaf1").down();
        byte[] request = Ethernet.frame(Ethernet.BROADCAST, h1a.mac(), Ethernet.TYPE_ARP,
                Arp.request(h1a.mac(), h1a.ip(), h1b.ip()).encode());
        packets.emit(new DefaultOutboundPacket(LEAF1,
                DefaultTrafficTreatment.builder().setOutput(PortNumber.FLOOD).build(), ByteBuffer.wrap(request),
                PortNumber.portNumber(3)));
        run();
        assertEquals(h1a.mac(), h1b.arpEntry(h1a.ip()).orElseThrow(), "port 4 got it");
        List<String> from = received.stream().map(p -> p.receivedFrom().toString()).sorted().toList();
        assertEquals(List.of("device:leaf1/4", "device:spine1/1"), from,
                "h1b's reply, and the copy spine1 punts; not port 2 (link down) nor the in-port 3");
    }

    @Test
    void aPacketOutToALogicalPortIsRefused() {
        byte[] frame = Ethernet.frame(Ethernet.BROADCAST, h1a.mac(), Ethernet.TYPE_ARP,
                Arp.request(h1a.mac(), h1a.ip(), h1b.ip()).encode());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> packets.emit(
                new DefaultOutboundPacket(LEAF1, DefaultTrafficTreatment.builder().setOutput(PortNumber.LOCAL).build(),
                        ByteBuffer.wrap(frame))));
        assertTrue(error.getMessage().contains("logical port"), error.getMessage());
    }

    @Test
    void packetInsGoOnlyToTheDevicesMaster() {
        ControllerInstance c2 = onos.addInstance("c2");
        List<String> seen = new ArrayList<>();
        packets.addProcessor(context -> seen.add("c1"), PacketProcessor.director(1));
        c2.service(PacketService.class).addProcessor(context -> seen.add("c2"), PacketProcessor.director(1));
        onos.setMaster(LEAF1, "c2");
        h1a.ping(h1b.ip(), 1, SimTime.millis(1));
        run();
        assertEquals(List.of("c2"), seen);
    }
}
