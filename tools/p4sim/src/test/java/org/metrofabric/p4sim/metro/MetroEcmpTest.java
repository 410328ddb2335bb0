package org.metrofabric.p4sim.metro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiTableEntry;

/** ECMP over spine uplinks and path pinning at an ingress leaf of metro.p4 on p4sim. */
class MetroEcmpTest {
    private static final String LEAF_MAC = "00:00:00:00:0a:01";
    private static final int HOST_PORT = 1;
    private static final int FIRST_UPLINK = 11;
    private static final int GROUP = 1;

    private static String spineMac(int uplinkPort) {
        return String.format("00:00:00:00:0b:%02x", uplinkPort);
    }

    /** A leaf routing 10.0.2.0/16 through ECMP group 1 over uplink ports 11, 12, ... */
    private static MetroSwitch leafWithUplinks(int uplinks) {
        MetroSwitch leaf = MetroSwitch.create();
        leaf.route("10.0.0.0/8", leaf.routeViaUplinks(GROUP));
        List<PiAction> members = new ArrayList<>();
        for (int i = 0; i < uplinks; i++) {
            members.add(uplink(leaf, FIRST_UPLINK + i));
        }
        leaf.ecmpGroup(GROUP, members);
        return leaf;
    }

    private static PiAction uplink(MetroSwitch leaf, int port) {
        return leaf.setNextHop(port, LEAF_MAC, spineMac(port));
    }

    /** Flow {@code i} of 1,000 distinct 5-tuples: sources, destinations, protocols and ports all vary. */
    private static Frames.Ipv4Frame flow(int i) {
        Frames.Ipv4Frame frame = i % 3 == 0 ? Frames.tcp() : Frames.udp();
        return frame.ethDst(LEAF_MAC).ipSrc("10.0.1." + (1 + i % 200)).ipDst("10.0.2." + (1 + i / 200))
                .ports(20_000 + (i * 7) % 1000, i % 2 == 0 ? 443 : 53);
    }

    /** The uplink port the leaf sends {@code frame} to, checking the MAC rewrite of that uplink. */
    private static int uplinkOf(MetroSwitch leaf, byte[] frame) {
        OutputPacket out = Verify.onePacket(leaf.send(HOST_PORT, frame));
        ReceivedFrame received = new ReceivedFrame(out.bytes());
        assertEquals(Frames.mac(spineMac(out.port())), received.ethDst(), "next-hop MAC on port " + out.port());
        assertEquals(Frames.mac(LEAF_MAC), received.ethSrc());
        assertEquals(63, received.ttl());
        assertEquals(received.recomputedIpv4Checksum(), received.ipv4Checksum());
        return out.port();
    }

    @ParameterizedTest(name = "{0} uplinks")
    @ValueSource(ints = {2, 4})
    void thousandFlowsUseEveryUplinkEvenlyAndStickToTheirUplink(int uplinks) {
        MetroSwitch leaf = leafWithUplinks(uplinks);
        int flows = 1000;
        int[] chosen = new int[flows];
        TreeMap<Integer, Integer> perUplink = new TreeMap<>();
        for (int i = 0; i < flows; i++) {
            chosen[i] = uplinkOf(leaf, flow(i).build());
            perUplink.merge(chosen[i], 1, Integer::sum);
        }

        Set<Integer> expectedPorts = new TreeSet<>();
        for (int i = 0; i < uplinks; i++) {
            expectedPorts.add(FIRST_UPLINK + i);
        }
        assertEquals(expectedPorts, perUplink.keySet(), "uplinks used: " + perUplink);
        double fairShare = (double) flows / uplinks;
        perUplink.forEach((port, count) -> assertTrue(count <= 1.5 * fairShare,
                "uplink " + port + " carries " + count + " flows, over 1.5 x " + fairShare + ": " + perUplink));

        for (int i = 0; i < flows; i++) {
            // Same 5-tuple, other non-hashed fields: the flow must not move.
            byte[] again = flow(i).identification(i + 7).dscp(i % 64).ttl(30).payload(new byte[i % 50]).build();
            OutputPacket out = Verify.onePacket(leaf.send(HOST_PORT, again));
            assertEquals(chosen[i], out.port(), "flow " + i + " moved");
        }
    }

    /**
     * The member BMv2 picks: CRC-16/ARC of the selector fields packed MSB-first (src, dst, protocol, L4
     * ports: 13 bytes), modulo the member count, over members in creation order (V1MODEL-SEMANTICS 3, 4).
     * Computed here without p4sim.
     */
    private static int expectedUplink(int i, int uplinks) {
        ByteBuffer key = ByteBuffer.allocate(13);
        byte[] frame = flow(i).build();
        key.put(frame, 14 + 12, 8).put(frame[14 + 9]).put(frame, 14 + 20, 4);
        int crc = 0;
        for (byte b : key.array()) {
            crc ^= b & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return FIRST_UPLINK + crc % uplinks;
    }

    @Test
    void ecmpPicksTheMemberBmv2Picks() {
        MetroSwitch leaf = leafWithUplinks(4);
        for (int i = 0; i < 200; i++) {
            assertEquals(expectedUplink(i, 4), uplinkOf(leaf, flow(i).build()), "flow " + i);
        }
    }

    /** The uplinks a set of flows lands on. */
    private static Set<Integer> uplinksOf(MetroSwitch leaf, List<byte[]> frames) {
        Set<Integer> ports = new TreeSet<>();
        for (byte[] frame : frames) {
            ports.add(uplinkOf(leaf, frame));
        }
        return ports;
    }

    /** {@code count} UDP flows from {@code src} to hosts of 10.0.2.0/24 with this DSCP. */
    private static List<byte[]> flowsFrom(String src, int dscp, int count) {
        return flowsFrom(src, "10.0.2.", dscp, count);
    }

    /** {@code count} UDP flows from {@code src} to 50 hosts of the /24 {@code dstNet} ("10.0.3."). */
    private static List<byte[]> flowsFrom(String src, String dstNet, int dscp, int count) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(Frames.udp().ethDst(LEAF_MAC).ipSrc(src).ipDst(dstNet + (1 + i % 50)).dscp(dscp)
                    .ports(30_000 + i, 5001).build());
        }
        return frames;
    }

    @Test
    void pathPinOverridesEcmpForItsFlowsOnly() {
        MetroSwitch leaf = leafWithUplinks(4);
        List<byte[]> pinnedFlows = flowsFrom("10.0.1.1", 0, 200);
        List<byte[]> otherFlows = flowsFrom("10.0.1.2", 0, 200);
        assertTrue(uplinksOf(leaf, pinnedFlows).size() > 1, "without the pin, ECMP spreads these flows");

        leaf.pin("10.0.1.1/32", "10.0.2.0/24", OptionalInt.empty(), 10, uplink(leaf, 13));

        assertEquals(Set.of(13), uplinksOf(leaf, pinnedFlows));
        assertEquals(Set.of(11, 12, 13, 14), uplinksOf(leaf, otherFlows));
        assertEquals(Set.of(11, 12, 13, 14), uplinksOf(leaf, flowsFrom("10.0.1.1", "10.0.3.", 0, 200)),
                "the pin's destination prefix limits it");
    }

    @Test
    void dscpSpecificPinTakesOnlyThatDscp() {
        MetroSwitch leaf = leafWithUplinks(4);
        leaf.pin("10.0.1.3/32", "10.0.2.0/24", OptionalInt.of(46), 10, uplink(leaf, 14));

        assertEquals(Set.of(14), uplinksOf(leaf, flowsFrom("10.0.1.3", 46, 100)));
        assertEquals(Set.of(11, 12, 13, 14), uplinksOf(leaf, flowsFrom("10.0.1.3", 0, 200)));
        assertEquals(Set.of(11, 12, 13, 14), uplinksOf(leaf, flowsFrom("10.0.1.3", 34, 200)));
    }

    @Test
    void higherPriorityPinWinsOverABroaderOne() {
        MetroSwitch leaf = leafWithUplinks(4);
        leaf.pin("10.0.1.0/24", "10.0.0.0/8", OptionalInt.empty(), 10, uplink(leaf, 11));
        leaf.pin("10.0.1.5/32", "10.0.2.0/24", OptionalInt.empty(), 20, uplink(leaf, 12));

        assertEquals(Set.of(11), uplinksOf(leaf, flowsFrom("10.0.1.4", 0, 50)));
        assertEquals(Set.of(12), uplinksOf(leaf, flowsFrom("10.0.1.5", 0, 50)));
    }

    @Test
    void pathPinningDirectCounterCountsPacketsAndBytesOfItsOwnEntry() {
        MetroSwitch leaf = leafWithUplinks(2);
        PiTableEntry pinA = leaf.pin("10.0.1.1/32", "10.0.2.0/24", OptionalInt.empty(), 10, uplink(leaf, 11));
        PiTableEntry pinB = leaf.pin("10.0.1.2/32", "10.0.2.0/24", OptionalInt.of(46), 10, uplink(leaf, 12));
        List<byte[]> toA = flowsFrom("10.0.1.1", 0, 3);
        List<byte[]> toB = flowsFrom("10.0.1.2", 46, 5);
        List<byte[]> unpinned = flowsFrom("10.0.1.2", 0, 4);

        uplinksOf(leaf, toA);
        uplinksOf(leaf, toB);
        uplinksOf(leaf, unpinned);

        assertCounter(leaf.directCounter(pinA), toA);
        assertCounter(leaf.directCounter(pinB), toB);
    }

    private static void assertCounter(PiCounterCell cell, List<byte[]> frames) {
        assertEquals(frames.size(), cell.data().packets(), "packets");
        assertEquals(frames.stream().mapToLong(f -> f.length).sum(), cell.data().bytes(), "bytes");
    }
}
