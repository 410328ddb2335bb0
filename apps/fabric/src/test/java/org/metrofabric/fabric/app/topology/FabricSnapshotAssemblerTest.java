package org.metrofabric.fabric.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.api.FabricLink;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.HostId;
import org.onosproject.net.Link;
import org.onosproject.net.LinkKey;
import org.onosproject.net.config.basics.BasicLinkConfig;

class FabricSnapshotAssemblerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    private static final DeviceId LEAF2 = DeviceId.deviceId("device:leaf2");
    private static final ConnectPoint SPINE1_TO_LEAF1 = ConnectPoint.deviceConnectPoint("device:spine1/1");
    private static final ConnectPoint LEAF1_TO_SPINE1 = ConnectPoint.deviceConnectPoint("device:leaf1/1");

    private ObjectNode netcfg;
    private Map<DeviceId, MetroDeviceConfig> configs;
    private Set<DeviceId> unavailable;
    private List<Link> links;
    private Map<LinkKey, BasicLinkConfig> linkConfigs;
    private List<Host> hosts;

    @BeforeEach
    void shippedMetro2x4() throws Exception {
        netcfg = (ObjectNode) MAPPER.readTree(Files.readString(NetcfgFabrics.topologiesDir().resolve("netcfg/metro-2x4.json")));
        configs = new LinkedHashMap<>();
        netcfg.get("devices").fields().forEachRemaining(e -> configs.put(DeviceId.deviceId(e.getKey()),
                NetcfgFabrics.deviceConfig(DeviceId.deviceId(e.getKey()), e.getValue().get(MetroDeviceConfig.KEY))));
        unavailable = new HashSet<>();
        links = new ArrayList<>();
        linkConfigs = new HashMap<>();
        netcfg.get("links").fields().forEachRemaining(e -> {
            String[] ends = e.getKey().split("-");
            ConnectPoint a = ConnectPoint.deviceConnectPoint(ends[0]);
            ConnectPoint b = ConnectPoint.deviceConnectPoint(ends[1]);
            BasicLinkConfig config = new BasicLinkConfig();
            config.init(LinkKey.linkKey(a, b), "basic", e.getValue().get("basic"), MAPPER, applied -> { });
            linkConfigs.put(LinkKey.linkKey(a, b), config);
            links.add(NetcfgFabrics.link(a, b, Link.State.ACTIVE));
            links.add(NetcfgFabrics.link(b, a, Link.State.ACTIVE));
        });
        hosts = new ArrayList<>();
        netcfg.get("hosts").fields().forEachRemaining(e -> hosts.add(NetcfgFabrics.host(HostId.hostId(e.getKey()),
                e.getValue().get("basic").get("name").asText(),
                ConnectPoint.deviceConnectPoint(e.getValue().get("basic").get("locations").get(0).asText()),
                Set.of(IpAddress.valueOf(e.getValue().get("basic").get("ips").get(0).asText())))));
    }

    private SnapshotAssembly assemble() {
        return FabricSnapshotAssembler.assemble(configs, id -> !unavailable.contains(id), links, linkConfigs::get, hosts);
    }

    private static FabricLink link(FabricSnapshot snapshot, ConnectPoint spinePort, ConnectPoint leafPort) {
        int index = snapshot.linkIndex(new LinkId(spinePort, leafPort));
        return index < 0 ? null : snapshot.link(index);
    }

    @Test
    void shippedFabricAssemblesWithoutProblems() {
        SnapshotAssembly assembly = assemble();
        assertEquals(List.of(), assembly.problems());
        FabricSnapshot snapshot = assembly.snapshot();
        assertEquals(2, snapshot.spines().size());
        assertEquals(4, snapshot.leaves().size());
        assertEquals(8, snapshot.links().size(), "one fabric link per pair of directions");
        FabricLink link = link(snapshot, SPINE1_TO_LEAF1, LEAF1_TO_SPINE1);
        assertEquals(new FabricLink(new LinkId(SPINE1_TO_LEAF1, LEAF1_TO_SPINE1), 10_000, 40_000, true), link);
        assertEquals(ConnectPoint.deviceConnectPoint("device:leaf1/3"), snapshot.hostByName("h1a").location());
    }

    @Test
    void unavailableSpineIsDownAndItsLinksUnusable() {
        unavailable.add(SPINE1);
        FabricSnapshot snapshot = assemble().snapshot();
        assertFalse(snapshot.device(SPINE1).isUp());
        assertFalse(snapshot.isUsable(snapshot.linkIndex(new LinkId(SPINE1_TO_LEAF1, LEAF1_TO_SPINE1))));
    }

    @Test
    void linkIsUpOnlyWhenBothDirectionsAreActive() {
        links.removeIf(l -> l.src().equals(LEAF1_TO_SPINE1));
        assertFalse(link(assemble().snapshot(), SPINE1_TO_LEAF1, LEAF1_TO_SPINE1).isUp(), "one direction missing");
        links.add(NetcfgFabrics.link(LEAF1_TO_SPINE1, SPINE1_TO_LEAF1, Link.State.INACTIVE));
        assertFalse(link(assemble().snapshot(), SPINE1_TO_LEAF1, LEAF1_TO_SPINE1).isUp(), "one direction inactive");
    }

    @Test
    void invalidDeviceConfigLeavesTheDeviceOut() {
        ObjectNode leaf2 = (ObjectNode) netcfg.get("devices").get("device:leaf2").get(MetroDeviceConfig.KEY);
        leaf2.putArray("subnets").add("10.1.2.7/24");
        configs.put(LEAF2, NetcfgFabrics.deviceConfig(LEAF2, leaf2));
        SnapshotAssembly assembly = assemble();
        assertEquals(List.of("device:leaf2: metrofabric.subnets[0]: must be an IPv4 prefix with no host bits set "
                + "(like 10.1.2.0/24), got \"10.1.2.7/24\"; device left out"), assembly.problems());
        assertNull(assembly.snapshot().device(LEAF2));
        assertEquals(6, assembly.snapshot().links().size());
        assertNull(assembly.snapshot().hostByName("h2a"));
    }

    @Test
    void overlappingSubnetsOfTwoLeavesLeaveTheSecondOut() {
        ObjectNode leaf2 = (ObjectNode) netcfg.get("devices").get("device:leaf2").get(MetroDeviceConfig.KEY);
        leaf2.putArray("subnets").add("10.1.0.0/16");
        configs.put(LEAF2, NetcfgFabrics.deviceConfig(LEAF2, leaf2));
        SnapshotAssembly assembly = assemble();
        assertEquals(List.of("device:leaf2: subnet 10.1.0.0/16 overlaps 10.1.1.0/24 of device:leaf1; device left out"),
                assembly.problems());
    }

    @Test
    void leafToLeafLinkIsReportedOnce() {
        ConnectPoint a = ConnectPoint.deviceConnectPoint("device:leaf1/9");
        ConnectPoint b = ConnectPoint.deviceConnectPoint("device:leaf2/9");
        links.add(NetcfgFabrics.link(a, b, Link.State.ACTIVE));
        links.add(NetcfgFabrics.link(b, a, Link.State.ACTIVE));
        SnapshotAssembly assembly = assemble();
        assertEquals(1, assembly.problems().size(), assembly.problems().toString());
        assertTrue(assembly.problems().get(0).endsWith("joins two leaves; not a fabric link, left out"));
        assertEquals(8, assembly.snapshot().links().size());
    }

    @Test
    void linkWithoutConfigHasNoCapacityAndSaysSo() {
        linkConfigs.remove(LinkKey.linkKey(SPINE1_TO_LEAF1, LEAF1_TO_SPINE1));
        SnapshotAssembly assembly = assemble();
        assertEquals(2, assembly.problems().size(), assembly.problems().toString());
        assertTrue(assembly.problems().get(0).contains("no bandwidth configured"));
        assertTrue(assembly.problems().get(1).contains("no latency configured"));
        assertEquals(0, link(assembly.snapshot(), SPINE1_TO_LEAF1, LEAF1_TO_SPINE1).capacityMbps());
    }

    @Test
    void hostsNeedAnIpv4AddressInTheirLeafSubnetAndAUniqueName() {
        ConnectPoint leaf1Port = ConnectPoint.deviceConnectPoint("device:leaf1/7");
        hosts.add(NetcfgFabrics.host(HostId.hostId(MacAddress.valueOf("00:00:00:00:00:71")), "far", leaf1Port,
                Set.of(IpAddress.valueOf("10.9.9.9"))));
        hosts.add(NetcfgFabrics.host(HostId.hostId(MacAddress.valueOf("00:00:00:00:00:72")), "mute", leaf1Port, Set.of()));
        hosts.add(NetcfgFabrics.host(HostId.hostId(MacAddress.valueOf("00:00:00:00:00:73")), "h1a", leaf1Port,
                Set.of(IpAddress.valueOf("10.1.1.73"))));
        hosts.add(NetcfgFabrics.host(HostId.hostId(MacAddress.valueOf("00:00:00:00:00:74")), "offfabric",
                ConnectPoint.deviceConnectPoint("device:other/1"), Set.of(IpAddress.valueOf("10.1.1.74"))));
        SnapshotAssembly assembly = assemble();
        assertEquals(3, assembly.problems().size(), assembly.problems().toString());
        assertTrue(assembly.problems().get(0).contains("10.9.9.9 is outside device:leaf1's subnets"));
        assertTrue(assembly.problems().get(1).contains("no IPv4 address known"));
        assertTrue(assembly.problems().get(2).contains("name h1a is taken; known by its id instead"));
        assertEquals(IpAddress.valueOf("10.1.1.73"), assembly.snapshot().hostByName("00:00:00:00:00:73/None").ip());
        assertEquals(8, assembly.snapshot().hosts().size());
    }
}
