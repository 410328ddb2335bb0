package org.metrofabric.emulator.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.PingSession;
import org.metrofabric.emulator.net.LinkSpec;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.emulator.packet.Arp;
import org.metrofabric.emulator.packet.Ethernet;
import org.metrofabric.topology.model.Leaf;

/**
 * Two hosts of one subnet on leaf1, routed by hand-written metro.p4 entries; their ARP goes to the
 * CPU port (metro.p4 punts all ARP) and a stand-in controller floods it back out of the host ports.
 */
class LeafArpPingTest {
    private final Fabric fabric = Metro.fabric("metro-2x4").build();
    private final SwitchNode leaf1 = fabric.switchNode("leaf1");
    private final Host h1a = fabric.host("h1a");
    private final Host h1b = fabric.host("h1b");
    private final List<String> packetIns = new ArrayList<>();

    LeafArpPingTest() {
        Leaf leaf = fabric.topology().leaf("leaf1").orElseThrow();
        long routerMac = leaf.routerMac().value();
        leaf1.control().insert(MetroEntries.route(h1a.ip(), 32, MetroEntries.setNextHop(3, routerMac, h1a.mac())));
        leaf1.control().insert(MetroEntries.route(h1b.ip(), 32, MetroEntries.setNextHop(4, routerMac, h1b.mac())));
        leaf1.setPacketInListener((from, cpuFrame, time) -> {
            int inPort = Metro.packetInPort(cpuFrame);
            byte[] frame = Metro.packetInFrame(cpuFrame);
            Arp arp = Arp.decode(frame).orElseThrow();
            packetIns.add(from.name() + " port " + inPort + " arp op " + arp.opcode() + " @" + time);
            for (int hostPort : List.of(3, 4)) {
                if (hostPort != inPort) {
                    from.packetOut(Metro.packetOut(hostPort, frame));
                }
            }
        });
    }

    private static long hop(LinkSpec spec, int bytes) {
        return spec.serializationNanos(bytes) + spec.propagationNanos();
    }

    @Test
    void arpGoesThroughTheControllerAndPingIsRoutedByTheLeaf() {
        PingSession ping = h1a.ping(h1b.ip(), 3, SimTime.millis(1));
        fabric.scheduler().runUntilIdle();
        LinkSpec access = Fabric.DEFAULT_HOST_LINK;
        long arpHop = hop(access, Ethernet.HEADER_BYTES + Arp.BYTES);
        long echoHop = hop(access, Ethernet.HEADER_BYTES + 20 + 8 + 56);
        // host -> leaf -> host each way; the controller answers in zero time
        assertEquals(List.of(4 * arpHop + 4 * echoHop, 4 * echoHop, 4 * echoHop), ping.rttNanos());
        assertEquals(List.of("leaf1 port 3 arp op 1 @" + arpHop, "leaf1 port 4 arp op 2 @" + 3 * arpHop), packetIns);
        assertEquals(h1b.mac(), h1a.arpEntry(h1b.ip()).orElseThrow());
        assertEquals(10, leaf1.processedFrames(), "2 ARP + 2 packet-outs + 6 routed echoes");
    }

    @Test
    void withoutAControllerArpIsPuntedAndNothingAnswers() {
        leaf1.setPacketInListener(null);
        PingSession ping = h1a.ping(h1b.ip(), 2, SimTime.millis(1));
        fabric.scheduler().runUntilIdle();
        assertEquals(0, ping.received());
        assertEquals(1, leaf1.packetInsUnheard(), "one ARP request; the second ping waits for it");
    }
}
