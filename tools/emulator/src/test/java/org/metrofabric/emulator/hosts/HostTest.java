package org.metrofabric.emulator.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.Randomness;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.net.Endpoint;
import org.metrofabric.emulator.net.Link;
import org.metrofabric.emulator.net.LinkSpec;
import org.metrofabric.emulator.net.Network;
import org.metrofabric.emulator.net.QueueConfig;
import org.metrofabric.emulator.packet.Ethernet;

/** Two hosts on one 1 Gb/s cable with 500 ns of propagation. */
class HostTest {
    private static final int IP1 = 0x0A000001;
    private static final int IP2 = 0x0A000002;
    private static final int GATEWAY = 0x0A0000FE;
    private static final long MAC1 = 0x020000000001L;
    private static final long MAC2 = 0x020000000002L;
    private static final LinkSpec CABLE = LinkSpec.gbps(1, 500);

    private final Scheduler scheduler = new Scheduler();
    private final Network network = new Network(scheduler, new Randomness(1));
    private final Host h1 = network.add(new Host("h1", scheduler, IP1, 24, MAC1, GATEWAY));
    private final Host h2 = network.add(new Host("h2", scheduler, IP2, 24, MAC2, GATEWAY));
    private final Link cable = network.connect(new Endpoint(h1, Host.NIC_PORT), new Endpoint(h2, Host.NIC_PORT), CABLE,
            new QueueConfig(1, 1000), new QueueConfig(1, 1000));

    /** One-way time of a frame of {@code bytes} over the cable. */
    private static long hop(int bytes) {
        return CABLE.serializationNanos(bytes) + CABLE.propagationNanos();
    }

    @Test
    void pingResolvesTheNeighbourByArpThenMeasuresRoundTrips() {
        PingSession ping = h1.ping(IP2, 3, SimTime.millis(1));
        scheduler.runUntilIdle();
        int echoFrame = Ethernet.HEADER_BYTES + 20 + 8 + 56;
        int arpFrame = Ethernet.HEADER_BYTES + 28;
        assertEquals(3, ping.sent());
        assertEquals(List.of(2 * hop(arpFrame) + 2 * hop(echoFrame), 2 * hop(echoFrame), 2 * hop(echoFrame)),
                ping.rttNanos());
        assertEquals(1, h1.arpRequestsSent());
        assertEquals(0, h2.arpRequestsSent(), "h2 learnt h1 from its request");
        assertEquals(MAC2, h1.arpEntry(IP2).orElseThrow());
        assertEquals(MAC1, h2.arpEntry(IP1).orElseThrow());
    }

    @Test
    void aConstantRateFlowIsReceivedInFullWithTheWireLatency() {
        h1.setArpEntry(IP2, MAC2);
        UdpSender sender = h1.send(UdpFlow.constantRate(7, IP2, 100, 1_000, SimTime.micros(5), 100));
        scheduler.runUntilIdle();
        assertTrue(sender.isFinished());
        assertEquals(100, sender.sent());
        FlowStats stats = h2.flowStats(7);
        assertEquals(100, stats.received());
        assertEquals(0, stats.lost(sender.sent()));
        assertEquals(0, stats.duplicates());
        assertEquals(0, stats.reordered());
        long oneWay = hop(Ethernet.HEADER_BYTES + 20 + 8 + 100);
        assertEquals(oneWay, stats.latency().min());
        assertEquals(oneWay, stats.latency().max());
        assertEquals(oneWay, stats.latency().p99());
        assertEquals(SimTime.micros(5) + 99 * SimTime.millis(1) + oneWay, stats.lastArrivalNanos());
        FlowReport report = FlowReport.of(sender, stats);
        assertEquals(new FlowReport(7, 100, 100, 0, 0, 0, oneWay, oneWay, oneWay, oneWay, SimTime.millis(1)), report);
        assertEquals(0.0, report.lossRatio());
        assertThrows(IllegalArgumentException.class, () -> FlowReport.of(sender, h2.flowStats(8)));
    }

    @Test
    void aFlowWithTooManyPacketsForTheCableQueuesAndDropsAtTheSender() {
        h1.setArpEntry(IP2, MAC2);
        // 1472-byte payloads (1514-byte frames, 12112 ns each) offered every 1 µs: the NIC queue fills.
        UdpFlow flow = new UdpFlow(1, IP2, 1, 2, 1472, 0, new TrafficPattern.ConstantRate(1_000_000), 0, 2_000);
        UdpSender sender = h1.send(flow);
        scheduler.runUntilIdle();
        FlowStats stats = h2.flowStats(1);
        long drops = cable.egressAt(new Endpoint(h1, Host.NIC_PORT)).tailDrops();
        assertTrue(drops > 0);
        assertEquals(sender.sent(), stats.received() + drops);
        assertEquals(hop(1514), stats.latency().min());
        assertTrue(stats.latency().max() > 900 * CABLE.serializationNanos(1514), "queueing delay shows in latency");
        assertEquals(stats.gaps(), drops - (sender.sent() - 1 - stats.highestSequence()));
    }

    @Test
    void packetsWaitForArpWithinABoundAndArpIsRetriedAfterASecond() {
        Host silent = new Host("silent", scheduler, 0x0B000001, 24, 0x020000000003L, 0x0B0000FE);
        Network other = new Network(scheduler, new Randomness(1));
        other.add(silent);
        Host lonely = other.add(new Host("lonely", scheduler, IP1, 24, MAC1, GATEWAY));
        other.connect(new Endpoint(lonely, 0), new Endpoint(silent, 0), CABLE, QueueConfig.BMV2_DEFAULT,
                QueueConfig.BMV2_DEFAULT);
        for (int i = 0; i < Host.ARP_HOLD_PACKETS + 6; i++) {
            lonely.sendIpv4(IP2, 17, 0, new byte[8]);
        }
        scheduler.runFor(SimTime.millis(999));
        lonely.sendIpv4(IP2, 17, 0, new byte[8]);
        assertEquals(1, lonely.arpRequestsSent());
        assertEquals(7, lonely.unresolvedDrops());
        scheduler.runFor(SimTime.millis(1));
        lonely.sendIpv4(IP2, 17, 0, new byte[8]);
        assertEquals(2, lonely.arpRequestsSent());
    }

    @Test
    void framesForOtherMacsAreIgnoredAndMalformedOnesCounted() {
        h2.receive(0, Ethernet.frame(0x02AAAAAAAAAAL, MAC1, Ethernet.TYPE_ARP, new byte[28]));
        assertEquals(0, h2.malformedFrames());
        h2.receive(0, Ethernet.frame(MAC2, MAC1, Ethernet.TYPE_IPV4, new byte[20]));
        h2.receive(0, new byte[5]);
        assertEquals(2, h2.malformedFrames());
        assertEquals(0, h2.flowStats(3).received());
        assertTrue(h2.flows().isEmpty(), "asking about a flow does not record one");
    }

    @Test
    void badHostSettingsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Host("x", scheduler, IP1, 24, MAC1, 0x0B000001)).getMessage().contains("gateway"));
        assertThrows(IllegalArgumentException.class, () -> new Host("x", scheduler, IP1, 33, MAC1, GATEWAY));
        assertThrows(IllegalArgumentException.class, () -> new Host("x", scheduler, IP1, 24, 0x010000000001L, GATEWAY));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> UdpFlow.constantRate(1, IP2, 10, 1, 0, 1)).getMessage().contains("payloadBytes"));
        assertThrows(IllegalArgumentException.class, () -> h1.ping(IP2, 0, 1));
    }
}
