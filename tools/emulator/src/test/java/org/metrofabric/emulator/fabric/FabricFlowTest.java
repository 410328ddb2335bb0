package org.metrofabric.emulator.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.hosts.FlowStats;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.PingSession;
import org.metrofabric.emulator.hosts.TrafficPattern;
import org.metrofabric.emulator.hosts.UdpFlow;
import org.metrofabric.emulator.hosts.UdpSender;
import org.metrofabric.emulator.net.EgressPort;
import org.metrofabric.emulator.net.Endpoint;
import org.metrofabric.emulator.net.Link;
import org.metrofabric.emulator.packet.Arp;
import org.metrofabric.emulator.packet.Ethernet;

/** Traffic across metro-2x4 routed by {@link StaticRoutes}: leaf → spine (ECMP) → leaf. */
class FabricFlowTest {
    private static final int UDP_FRAME_OVERHEAD = Ethernet.HEADER_BYTES + 20 + 8;

    private static Fabric routedFabric(Fabric.Builder builder) {
        Fabric fabric = builder.build();
        StaticRoutes.install(fabric);
        return fabric;
    }

    private final Fabric fabric = routedFabric(Metro.fabric("metro-2x4"));

    /** The spine leaf1 sent through: the one whose uplink carried frames. */
    private String spineUsedBy(String leaf) {
        List<String> used = new ArrayList<>();
        for (String spine : List.of("spine1", "spine2")) {
            if (uplink(leaf, spine).transmittedFrames() > 0) {
                used.add(spine);
            }
        }
        assertEquals(1, used.size(), "one spine carries the flow: " + used);
        return used.get(0);
    }

    private EgressPort uplink(String leaf, String spine) {
        Link link = fabric.link(leaf, spine);
        Endpoint leafEnd = link.a().node().name().equals(leaf) ? link.a() : link.b();
        return link.egressAt(leafEnd);
    }

    private static long hop(Link link, int frameBytes) {
        return link.spec().serializationNanos(frameBytes) + link.spec().propagationNanos();
    }

    @Test
    void aFlowAcrossTheSpineTakesExactlyPropagationPlusSerialisation() {
        Host h1a = fabric.host("h1a");
        Host h3a = fabric.host("h3a");
        UdpSender sender = h1a.send(UdpFlow.constantRate(1, h3a.ip(), 200, 10_000, 0, 200));
        fabric.scheduler().runUntilIdle();
        FlowStats stats = h3a.flowStats(1);
        assertEquals(200, stats.received());
        assertEquals(0, stats.lost(sender.sent()));
        String spine = spineUsedBy("leaf1");
        int frame = UDP_FRAME_OVERHEAD + 200;
        long expected = hop(fabric.hostLink("h1a"), frame) + hop(fabric.link("leaf1", spine), frame)
                + hop(fabric.link(spine, "leaf3"), frame) + hop(fabric.hostLink("h3a"), frame);
        // e.g. via spine1: 10G access 194+1000, 10G 8 km 194+40000, 40G 15 µs 49+15000, 194+1000
        assertEquals(expected, stats.latency().min());
        assertEquals(expected, stats.latency().max(), "no queueing at 10 kpps");
        assertEquals(0, stats.reordered());
    }

    @Test
    void ecmpSpreadsFlowsOverBothSpinesAndKeepsEachFlowOnOnePath() {
        Host h1a = fabric.host("h1a");
        Host h4a = fabric.host("h4a");
        List<UdpSender> senders = new ArrayList<>();
        for (int flow = 0; flow < 16; flow++) {
            senders.add(h1a.send(new UdpFlow(flow, h4a.ip(), 20_000 + flow, 5_001, 100, 0,
                    new TrafficPattern.ConstantRate(10_000), 0, 20)));
        }
        fabric.scheduler().runUntilIdle();
        for (UdpSender sender : senders) {
            FlowStats stats = h4a.flowStats(sender.flow().flowId());
            assertEquals(20, stats.received());
            assertEquals(stats.latency().min(), stats.latency().max(), "flow " + sender.flow().flowId() + " kept one path");
        }
        long viaSpine1 = uplink("leaf1", "spine1").transmittedFrames();
        long viaSpine2 = uplink("leaf1", "spine2").transmittedFrames();
        assertEquals(16 * 20, viaSpine1 + viaSpine2);
        assertTrue(viaSpine1 > 0 && viaSpine2 > 0, "spine1 " + viaSpine1 + ", spine2 " + viaSpine2);
        assertEquals(0, viaSpine1 % 20, "whole flows per spine");
    }

    @Test
    void everyHostPingsEveryHostOnAnotherLeaf() {
        List<PingSession> pings = pingAcrossLeaves(fabric);
        assertEquals(7 * 7 - (2 * 2 + 2 * 2 + 1 + 2 * 2), pings.size());
        pings.forEach(ping -> assertEquals(2, ping.received()));
    }

    @Test
    void everyHostPingsEveryHostOnAnotherLeafOfTheLargerFabric() {
        Fabric large = routedFabric(Metro.fabric("metro-4x8"));
        List<PingSession> pings = pingAcrossLeaves(large);
        int hosts = large.hosts().size();
        assertEquals(hosts * hosts - hosts * 2, pings.size(), "two hosts per leaf");
        pings.forEach(ping -> assertEquals(2, ping.received()));
    }

    /** Two pings from every host to every host on another leaf, run to completion. */
    private static List<PingSession> pingAcrossLeaves(Fabric fabric) {
        List<PingSession> pings = new ArrayList<>();
        for (org.metrofabric.topology.model.Host from : fabric.topology().hosts()) {
            for (org.metrofabric.topology.model.Host to : fabric.topology().hosts()) {
                if (!to.leaf().equals(from.leaf())) {
                    pings.add(fabric.host(from.name()).ping(to.ip().address(), 2, SimTime.millis(1)));
                }
            }
        }
        fabric.scheduler().runUntilIdle();
        return pings;
    }

    @Test
    void aFailedUplinkLosesTheFlowsHashedOntoItUntilItRecovers() {
        Host h1a = fabric.host("h1a");
        Host h3a = fabric.host("h3a");
        // 100 kpps for 10 ms; the uplink it uses is down from 3 ms to 6 ms (no controller reroutes)
        UdpSender sender = h1a.send(UdpFlow.constantRate(1, h3a.ip(), 100, 100_000, 0, 1_000));
        fabric.scheduler().runUntil(SimTime.millis(1));
        Link used = fabric.link("leaf1", spineUsedBy("leaf1"));
        fabric.scheduler().at(SimTime.millis(3), used::down);
        fabric.scheduler().at(SimTime.millis(6), used::up);
        fabric.scheduler().runUntilIdle();
        FlowStats stats = h3a.flowStats(1);
        long lost = stats.lost(sender.sent());
        // lost: sent from about 40-60 µs (uplink propagation) before the failure until the repair
        assertTrue(lost >= 300 && lost <= 310, "about 3 ms of 100 kpps lost, got " + lost);
        EgressPort leafSide = used.egressAt(used.a().node().name().equals("leaf1") ? used.a() : used.b());
        Link.Direction wire = used.from(leafSide.endpoint());
        assertEquals(lost, leafSide.linkDownDrops() + wire.linkDownDrops());
        assertTrue(stats.hasReceived(999), "traffic flows again after recovery");
        assertTrue(stats.hasReceived(290) && !stats.hasReceived(300) && !stats.hasReceived(599));
        assertTrue(stats.hasReceived(600), "sent at the repair");
        long outage = stats.longestGapNanos();
        assertTrue(outage > SimTime.millis(3) && outage <= SimTime.micros(3_070), "receiver saw no traffic for " + outage);
        assertTrue(stats.longestGapEndNanos() > SimTime.millis(6));
    }

    @Test
    void twoSendersIntoOneHostQueueAtTheEgressLeafAndTailDrop() {
        Host h3a = fabric.host("h3a");
        // two 1514-byte flows at about 8 Gb/s each into one 10 Gb/s access port, for 1 ms
        List<UdpSender> senders = List.of(
                fabric.host("h1a").send(new UdpFlow(1, h3a.ip(), 1, 2, 1472, 0,
                        new TrafficPattern.ConstantRate(660_000), 0, 660)),
                fabric.host("h2a").send(new UdpFlow(2, h3a.ip(), 1, 2, 1472, 0,
                        new TrafficPattern.ConstantRate(660_000), 0, 660)));
        fabric.scheduler().runUntilIdle();
        EgressPort toHost = fabric.hostLink("h3a").egressAt(new Endpoint(fabric.switchNode("leaf3"), 3));
        long received = h3a.flowStats(1).received() + h3a.flowStats(2).received();
        assertTrue(toHost.tailDrops() > 0, "the 64-packet queue overflows");
        assertEquals(2 * 660, received + toHost.tailDrops());
        FlowStats one = h3a.flowStats(1);
        long queueFull = 63 * toHost.link().spec().serializationNanos(1514);
        assertTrue(one.latency().max() - one.latency().min() >= queueFull / 2,
                "queueing delay " + (one.latency().max() - one.latency().min()) + " ns");
        assertTrue(one.latency().max() - one.latency().min() <= queueFull + 4 * toHost.link().spec().serializationNanos(1514));
        assertEquals(0, one.reordered());
        assertEquals(660, senders.get(0).sent());
    }

    @Test
    void withoutStaticArpTheGatewayIsResolvedThroughTheController() {
        Fabric dynamic = routedFabric(Metro.fabric("metro-2x4").staticGatewayArp(false));
        Host h1a = dynamic.host("h1a");
        Host h3a = dynamic.host("h3a");
        List<Integer> punted = new ArrayList<>();
        for (String leafName : List.of("leaf1", "leaf3")) {
            long routerMac = dynamic.topology().leaf(leafName).orElseThrow().routerMac().value();
            dynamic.switchNode(leafName).setPacketInListener((from, cpuFrame, time) -> {
                int port = Metro.packetInPort(cpuFrame);
                Arp request = Arp.decode(Metro.packetInFrame(cpuFrame)).orElseThrow();
                punted.add(port);
                byte[] reply = new Arp(Arp.REPLY, routerMac, request.targetIp(), request.senderMac(),
                        request.senderIp()).encode();
                from.packetOut(Metro.packetOut(port, Ethernet.frame(request.senderMac(), routerMac, Ethernet.TYPE_ARP, reply)));
            });
        }
        h1a.send(UdpFlow.constantRate(1, h3a.ip(), 100, 10_000, 0, 10));
        dynamic.scheduler().runUntilIdle();
        assertEquals(List.of(3), punted, "only h1a had to resolve its gateway (h3a sends nothing)");
        assertEquals(10, h3a.flowStats(1).received());
        assertEquals(1, h1a.arpRequestsSent());
    }

    @Test
    void theSameSeedReplaysTheSameLosses() {
        long[] first = lossyRun(11);
        long[] again = lossyRun(11);
        assertEquals(first[0], again[0]);
        assertEquals(first[1], again[1]);
        assertTrue(first[0] < 500 && first[0] > 400, "5 % on each of 2 fabric links: received " + first[0]);
    }

    /** Received packets and latency sum of a 500-packet flow over fabric links losing 5 %. */
    private static long[] lossyRun(long seed) {
        Fabric lossy = routedFabric(Metro.fabric("metro-2x4").seed(seed).fabricLinkLoss(0.05));
        Host h2b = lossy.host("h2b");
        lossy.host("h4b").send(UdpFlow.constantRate(5, h2b.ip(), 64, 50_000, 0, 500));
        lossy.scheduler().runUntilIdle();
        FlowStats stats = h2b.flowStats(5);
        return new long[] {stats.received(), stats.highestSequence()};
    }
}
