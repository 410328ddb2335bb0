package org.metrofabric.fabric.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;

class FabricSnapshotTest {
    private static final DeviceId SPINE = DeviceId.deviceId("device:s1");
    private static final DeviceId LEAF_A = DeviceId.deviceId("device:la");
    private static final DeviceId LEAF_B = DeviceId.deviceId("device:lb");
    private static final LinkId A1 = new LinkId(cp("device:s1/1"), cp("device:la/1"));
    private static final LinkId A2 = new LinkId(cp("device:s1/3"), cp("device:la/2"));
    private static final LinkId B1 = new LinkId(cp("device:s1/2"), cp("device:lb/1"));

    private static ConnectPoint cp(String text) {
        return ConnectPoint.deviceConnectPoint(text);
    }

    private static FabricSnapshot.Builder fabric() {
        return FabricSnapshot.builder()
                .addDevice(FabricDevice.spine(SPINE, MacAddress.valueOf("00:aa:00:00:00:01"), true))
                .addDevice(FabricDevice.leaf(LEAF_B, LeafKind.CORE_CLOUD, MacAddress.valueOf("00:bb:00:00:00:02"),
                        List.of(IpPrefix.valueOf("10.2.0.0/16")), Set.of(PortNumber.portNumber(5)), true))
                .addDevice(FabricDevice.leaf(LEAF_A, LeafKind.ACCESS, MacAddress.valueOf("00:bb:00:00:00:01"),
                        List.of(IpPrefix.valueOf("10.1.1.0/24"), IpPrefix.valueOf("10.1.2.0/25")), Set.of(), true))
                .addLink(new FabricLink(A1, 10_000, 40_000, true))
                .addLink(new FabricLink(A2, 10_000, 41_000, true))
                .addLink(new FabricLink(B1, 40_000, 10_000, true))
                .addHost(new FabricHost("ha", MacAddress.valueOf("00:00:00:00:00:0a"), IpAddress.valueOf("10.1.1.10"),
                        cp("device:la/5")));
    }

    @Test
    void leavesAreOrderedAndIndexed() {
        FabricSnapshot snapshot = fabric().build();
        assertEquals(List.of(LEAF_A, LEAF_B), List.of(snapshot.leaves().get(0).id(), snapshot.leaves().get(1).id()));
        assertEquals(0, snapshot.leafIndex(LEAF_A));
        assertEquals(-1, snapshot.leafIndex(SPINE));
        assertEquals(0, snapshot.spineIndex(SPINE));
        assertEquals(2, snapshot.uplinks(0, 0).length, "parallel links between la and s1");
        assertEquals(1, snapshot.uplinks(1, 0).length);
        assertEquals(List.of(snapshot.hostByName("ha")), snapshot.hostsOn(0));
        assertEquals(IpPrefix.valueOf("10.1.1.10/32"), snapshot.hostPrefix(snapshot.hostIndex("ha")));
        assertEquals(snapshot.hostByName("ha"), snapshot.hostByIp(IpAddress.valueOf("10.1.1.10")));
    }

    @Test
    void leafServingUsesTheLongestContainingSubnet() {
        FabricSnapshot snapshot = fabric().build();
        assertEquals(LEAF_A, snapshot.leafServing(IpPrefix.valueOf("10.1.2.64/26")));
        assertEquals(LEAF_B, snapshot.leafServing(IpPrefix.valueOf("10.2.3.4/32")));
        assertNull(snapshot.leafServing(IpPrefix.valueOf("10.1.2.128/25")), "outside 10.1.2.0/25");
        assertNull(snapshot.leafServing(IpPrefix.valueOf("10.1.0.0/16")), "wider than any subnet of la");
    }

    @Test
    void downDeviceOrLinkMakesLinksUnusable() {
        FabricSnapshot snapshot = fabric().build();
        int a1 = snapshot.linkIndex(A1);
        assertTrue(snapshot.isUsable(a1));
        assertFalse(snapshot.withLinkUp(A1, false).isUsable(a1));
        FabricSnapshot spineDown = snapshot.withDeviceUp(SPINE, false);
        for (int i = 0; i < spineDown.links().size(); i++) {
            assertFalse(spineDown.isUsable(i));
        }
        assertEquals(snapshot, spineDown.withDeviceUp(SPINE, true));
        assertEquals(a1, snapshot.linkIndex(A1, a1));
        assertEquals(a1, snapshot.linkIndex(A1, 99), "a wrong hint falls back to the lookup");
    }

    @Test
    void builderRefusesLinksAndHostsThatDoNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fabric()
                .addLink(new FabricLink(new LinkId(cp("device:la/7"), cp("device:lb/7")), 1, 1, true)).build());
        assertTrue(e.getMessage().contains("does not join a known spine (first) and leaf"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fabric()
                .addHost(new FabricHost("hx", MacAddress.valueOf("00:00:00:00:00:0b"), IpAddress.valueOf("10.2.0.9"),
                        cp("device:s1/9"))).build());
        assertTrue(e.getMessage().contains("host hx is not attached to a known leaf"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fabric().build().withDeviceUp(DeviceId.deviceId("device:zz"), false));
    }
}
