package org.metrofabric.p4sim.metro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;

/** IPv4 forwarding of metro.p4 on p4sim, PTF style: inject a frame on a port, verify what comes out where. */
class MetroRoutingTest {
    private static final String LEAF1_MAC = "00:00:00:00:0a:01";
    private static final String LEAF2_MAC = "00:00:00:00:0a:02";
    private static final String SPINE1_MAC = "00:00:00:00:0b:01";
    private static final String SPINE2_MAC = "00:00:00:00:0b:02";
    private static final String H1_MAC = "00:00:00:00:01:01";
    private static final String H2_MAC = "00:00:00:00:01:02";
    private static final String H3_MAC = "00:00:00:00:02:01";

    /** A leaf with h1 (10.0.1.1) on port 1 and h2 (10.0.1.2) on port 2. */
    private static MetroSwitch leafWithTwoHosts() {
        MetroSwitch leaf = MetroSwitch.create();
        leaf.route("10.0.1.1/32", leaf.setNextHop(1, LEAF1_MAC, H1_MAC));
        leaf.route("10.0.1.2/32", leaf.setNextHop(2, LEAF1_MAC, H2_MAC));
        return leaf;
    }

    private static Frames.Ipv4Frame h1ToH2() {
        return Frames.udp().ethSrc(H1_MAC).ethDst(LEAF1_MAC).ipSrc("10.0.1.1").ipDst("10.0.1.2");
    }

    private static void assertChecksumVerifies(ReceivedFrame frame) {
        assertEquals(frame.recomputedIpv4Checksum(), frame.ipv4Checksum(), "IPv4 header checksum of " + frame);
    }

    @Test
    void hostsOnOneLeafAreRoutedWithMacRewriteTtlDecrementAndFreshChecksum() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] sent = h1ToH2().ttl(64).build();

        List<OutputPacket> out = leaf.send(1, sent);

        Verify.packet(out, h1ToH2().ethSrc(LEAF1_MAC).ethDst(H2_MAC).ttl(63).build(), 2);
        ReceivedFrame received = new ReceivedFrame(out.get(0).bytes());
        assertEquals(63, received.ttl());
        assertEquals(Frames.mac(LEAF1_MAC), received.ethSrc());
        assertEquals(Frames.mac(H2_MAC), received.ethDst());
        assertChecksumVerifies(received);
        assertNotEquals(new ReceivedFrame(sent).ipv4Checksum(), received.ipv4Checksum(),
                "the TTL changed, so the checksum must have been rewritten");

        byte[] reply = Frames.tcp().ethSrc(H2_MAC).ethDst(LEAF1_MAC).ipSrc("10.0.1.2").ipDst("10.0.1.1").ttl(9)
                .ports(80, 1234).build();
        Verify.packet(leaf.send(2, reply), Frames.tcp().ethSrc(LEAF1_MAC).ethDst(H1_MAC).ipSrc("10.0.1.2")
                .ipDst("10.0.1.1").ttl(8).ports(80, 1234).build(), 1);
    }

    @Test
    void longestPrefixWins() {
        MetroSwitch leaf = leafWithTwoHosts();
        leaf.route("10.0.0.0/16", leaf.setNextHop(9, LEAF1_MAC, "00:00:00:00:09:09"));

        Verify.onePacket(leaf.send(1, h1ToH2().build()), 2);
        Verify.onePacket(leaf.send(1, h1ToH2().ipDst("10.0.1.3").build()), 9);
        Verify.onePacket(leaf.send(1, h1ToH2().ipDst("10.0.200.3").build()), 9);
    }

    @Test
    void ipv4OptionsAreKeptAndCoveredByTheChecksum() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] options = {(byte) 0x94, 0x04, 0x00, 0x00}; // Router Alert

        List<OutputPacket> out = leaf.send(1, h1ToH2().options(options).build());

        Verify.packet(out, h1ToH2().options(options).ethSrc(LEAF1_MAC).ethDst(H2_MAC).ttl(63).build(), 2);
        assertChecksumVerifies(new ReceivedFrame(out.get(0).bytes()));
    }

    @Test
    void taggedInputIsRoutedAndLeavesUntagged() {
        MetroSwitch leaf = leafWithTwoHosts();

        List<OutputPacket> out = leaf.send(1, h1ToH2().vlan(10).build());

        Verify.packet(out, h1ToH2().ethSrc(LEAF1_MAC).ethDst(H2_MAC).ttl(63).build(), 2);
        assertFalse(new ReceivedFrame(out.get(0).bytes()).tagged());
    }

    /** leaf1 (h1 on port 1) and leaf2 (h3 on port 1), each with uplinks 3 → spine1 and 4 → spine2. */
    private static final class LeafSpineFabric {
        final Map<String, MetroSwitch> switches = new HashMap<>();
        /** "switch:port" → "switch:port" in both directions. */
        final Map<String, String> links = new HashMap<>();

        LeafSpineFabric() {
            MetroSwitch leaf1 = leaf(LEAF1_MAC, "10.0.1.1/32", H1_MAC, "10.0.2.0/24");
            MetroSwitch leaf2 = leaf(LEAF2_MAC, "10.0.2.1/32", H3_MAC, "10.0.1.0/24");
            switches.put("leaf1", leaf1);
            switches.put("leaf2", leaf2);
            switches.put("spine1", spine(SPINE1_MAC));
            switches.put("spine2", spine(SPINE2_MAC));
            link("leaf1:3", "spine1:1");
            link("leaf1:4", "spine2:1");
            link("leaf2:3", "spine1:2");
            link("leaf2:4", "spine2:2");
        }

        private static MetroSwitch leaf(String mac, String host, String hostMac, String remoteSubnet) {
            MetroSwitch leaf = MetroSwitch.create();
            leaf.route(host, leaf.setNextHop(1, mac, hostMac));
            leaf.route(remoteSubnet, leaf.routeViaUplinks(1));
            leaf.ecmpGroup(1, List.of(leaf.setNextHop(3, mac, SPINE1_MAC), leaf.setNextHop(4, mac, SPINE2_MAC)));
            return leaf;
        }

        private static MetroSwitch spine(String mac) {
            MetroSwitch spine = MetroSwitch.create();
            spine.route("10.0.1.0/24", spine.setNextHop(1, mac, LEAF1_MAC));
            spine.route("10.0.2.0/24", spine.setNextHop(2, mac, LEAF2_MAC));
            return spine;
        }

        private void link(String a, String b) {
            links.put(a, b);
            links.put(b, a);
        }

        /** Follows a frame from switch to switch until it leaves on a port without a fabric link. */
        List<Hop> deliver(String firstSwitch, int inPort, byte[] frame) {
            List<Hop> hops = new ArrayList<>();
            String at = firstSwitch;
            int port = inPort;
            byte[] bytes = frame;
            while (true) {
                OutputPacket out = Verify.onePacket(switches.get(at).send(port, bytes));
                hops.add(new Hop(at, out.port(), new ReceivedFrame(out.bytes())));
                String peer = links.get(at + ":" + out.port());
                if (peer == null) {
                    return hops;
                }
                assertTrue(hops.size() < 4, "routing loop: " + hops);
                at = peer.substring(0, peer.indexOf(':'));
                port = Integer.parseInt(peer.substring(peer.indexOf(':') + 1));
                bytes = out.bytes();
            }
        }
    }

    private record Hop(String switchName, int outPort, ReceivedFrame frame) { }

    @Test
    void leafSpineLeafRewritesMacsAndDecrementsTtlAtEachHop() {
        LeafSpineFabric fabric = new LeafSpineFabric();
        Set<String> spinesUsed = new HashSet<>();
        for (int flow = 0; flow < 32; flow++) {
            Frames.Ipv4Frame h1ToH3 = Frames.udp().ethSrc(H1_MAC).ethDst(LEAF1_MAC).ipSrc("10.0.1.1")
                    .ipDst("10.0.2.1").ports(5000 + flow, 53).ttl(64);

            List<Hop> hops = fabric.deliver("leaf1", 1, h1ToH3.build());

            assertEquals(3, hops.size(), "hops " + hops);
            String spine = hops.get(1).switchName();
            spinesUsed.add(spine);
            String spineMac = spine.equals("spine1") ? SPINE1_MAC : SPINE2_MAC;
            assertHop(hops.get(0), "leaf1", spine.equals("spine1") ? 3 : 4, LEAF1_MAC, spineMac, 63);
            assertHop(hops.get(1), spine, 2, spineMac, LEAF2_MAC, 62);
            assertHop(hops.get(2), "leaf2", 1, LEAF2_MAC, H3_MAC, 61);
            assertEquals(new ReceivedFrame(h1ToH3.ethSrc(LEAF2_MAC).ethDst(H3_MAC).ttl(61).build()).toString(),
                    hops.get(2).frame().toString(), "frame delivered to h3");
        }
        assertEquals(Set.of("spine1", "spine2"), spinesUsed, "leaf1 spreads flows over both spines");

        List<Hop> back = fabric.deliver("leaf2", 1, Frames.udp().ethSrc(H3_MAC).ethDst(LEAF2_MAC)
                .ipSrc("10.0.2.1").ipDst("10.0.1.1").ttl(4).build());
        assertEquals(3, back.size());
        assertHop(back.get(2), "leaf1", 1, LEAF1_MAC, H1_MAC, 1);
    }

    private static void assertHop(Hop hop, String switchName, int outPort, String srcMac, String dstMac, int ttl) {
        String where = switchName + " " + hop;
        assertEquals(switchName, hop.switchName(), where);
        assertEquals(outPort, hop.outPort(), where);
        assertEquals(Frames.mac(srcMac), hop.frame().ethSrc(), "source MAC after " + where);
        assertEquals(Frames.mac(dstMac), hop.frame().ethDst(), "destination MAC after " + where);
        assertEquals(ttl, hop.frame().ttl(), "TTL after " + where);
        assertChecksumVerifies(hop.frame());
    }

    // ---------------------------------------------------------------- drops

    private static void assertOnlyDropCounted(MetroSwitch sw, int reason, long packets, long bytes) {
        for (int r = 0; r < MetroSwitch.DROP_REASONS; r++) {
            var cell = sw.dropCounter(r);
            assertEquals(r == reason ? packets : 0, cell.data().packets(), "drop_counter[" + r + "] packets");
            assertEquals(r == reason ? bytes : 0, cell.data().bytes(), "drop_counter[" + r + "] bytes");
        }
    }

    @Test
    void routeMissIsDroppedAndCountedUnderReasonZero() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] unknown = h1ToH2().ipDst("192.168.7.7").build();

        Verify.noPacket(leaf.send(1, unknown));
        assertOnlyDropCounted(leaf, MetroSwitch.DROP_ROUTE_MISS, 1, unknown.length);
        Verify.noPacket(leaf.send(1, unknown));
        assertOnlyDropCounted(leaf, MetroSwitch.DROP_ROUTE_MISS, 2, 2L * unknown.length);

        Verify.onePacket(leaf.send(1, h1ToH2().build()), 2);
        assertOnlyDropCounted(leaf, MetroSwitch.DROP_ROUTE_MISS, 2, 2L * unknown.length);
    }

    @Test
    void ttlOneAndZeroAreDroppedAndCountedAsExpired() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] ttlOne = h1ToH2().ttl(1).build();
        byte[] ttlZero = h1ToH2().ttl(0).build();

        Verify.noPacket(leaf.send(1, ttlOne));
        Verify.noPacket(leaf.send(1, ttlZero));

        assertOnlyDropCounted(leaf, MetroSwitch.DROP_TTL_EXPIRED, 2, ttlOne.length + ttlZero.length);
        Verify.packet(leaf.send(1, h1ToH2().ttl(2).build()),
                h1ToH2().ethSrc(LEAF1_MAC).ethDst(H2_MAC).ttl(1).build(), 2);
    }

    @Test
    void badIpv4ChecksumIsDroppedAndCounted() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] corrupted = h1ToH2().corruptChecksum().build();

        Verify.noPacket(leaf.send(1, corrupted));

        assertOnlyDropCounted(leaf, MetroSwitch.DROP_IPV4_CHECKSUM, 1, corrupted.length);
        Verify.onePacket(leaf.send(1, h1ToH2().build()), 2);
    }

    @Test
    void truncatedIpv4HeaderIsAParserErrorDrop() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] whole = h1ToH2().build();
        byte[] truncated = Arrays.copyOf(whole, 14 + 12);

        Verify.noPacket(leaf.send(1, truncated));

        assertOnlyDropCounted(leaf, MetroSwitch.DROP_PARSER_ERROR, 1, truncated.length);
    }

    @Test
    void neitherIpv4NorPuntedIsDroppedAsNotRoutable() {
        MetroSwitch leaf = leafWithTwoHosts();
        byte[] ipv6 = Frames.ethernet(LEAF1_MAC, H1_MAC, 0x86dd, new byte[40]);

        Verify.noPacket(leaf.send(1, ipv6));

        assertOnlyDropCounted(leaf, MetroSwitch.DROP_NOT_ROUTABLE, 1, ipv6.length);
    }

    @Test
    void routeToAGroupWithoutEcmpEntryIsDroppedAsNoUplink() {
        MetroSwitch leaf = leafWithTwoHosts();
        leaf.route("10.0.2.0/24", leaf.routeViaUplinks(7));
        byte[] remote = h1ToH2().ipDst("10.0.2.1").build();

        Verify.noPacket(leaf.send(1, remote));

        assertOnlyDropCounted(leaf, MetroSwitch.DROP_NO_UPLINK, 1, remote.length);
    }
}
