package org.metrofabric.topology.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.metrofabric.topology.TopologyFiles;
import org.metrofabric.topology.model.LeafKind;
import org.metrofabric.topology.model.Topology;

class TopologyLoaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void loadsShippedMetro2x4() throws Exception {
        Topology topology = TopologyLoader.load(TopologyFiles.shipped("metro-2x4"));
        assertEquals(2, topology.spines().size());
        assertEquals(List.of(LeafKind.ACCESS, LeafKind.ACCESS, LeafKind.EDGE_CLOUD, LeafKind.CORE_CLOUD),
                topology.leaves().stream().map(l -> l.kind()).toList());
        assertEquals(8, topology.links().size());
        assertEquals(40_000, topology.links().get(0).latencyNanos(), "8 km of fibre at 5 us/km");
        assertEquals(15_000, topology.links().get(4).latencyNanos(), "latency given directly");
        assertTrue(topology.hosts().stream().map(h -> h.leaf()).distinct().count() == 4, "hosts on every leaf");
    }

    @Test
    void loadsShippedMetro4x8() throws Exception {
        Topology topology = TopologyLoader.load(TopologyFiles.shipped("metro-4x8"));
        assertEquals(4, topology.spines().size());
        assertEquals(8, topology.leaves().size());
    }

    @Test
    void unknownLeafOfHost() {
        assertError(t -> host(t, 0).put("leaf", "leaf9"), "$.hosts[0].leaf", "unknown leaf \"leaf9\"");
    }

    @Test
    void hostOnSpine() {
        assertError(t -> host(t, 0).put("leaf", "spine1").put("port", 9), "$.hosts[0].leaf", "is a spine");
    }

    @Test
    void portUsedTwiceByHosts() {
        assertError(t -> host(t, 1).put("port", 3), "$.hosts[1].port", "port 3 of leaf1 is already used at $.hosts[0].port");
    }

    @Test
    void portUsedTwiceByHostAndLink() {
        assertError(t -> host(t, 0).put("port", 1), "$.hosts[0].port", "port 1 of leaf1 is already used at $.links[0].b.port");
    }

    @Test
    void portUsedTwiceByLinks() {
        assertError(t -> ((ObjectNode) link(t, 2).get("a")).put("port", 1), "$.links[2].a.port",
                "port 1 of spine1 is already used at $.links[0].a.port");
    }

    @Test
    void cpuPortReserved() {
        assertError(t -> host(t, 0).put("port", 255), "$.hosts[0].port", "CPU port");
    }

    @Test
    void portOutOfRange() {
        assertError(t -> host(t, 0).put("port", 0), "$.hosts[0].port", "outside 1..65535");
    }

    @Test
    void overlappingSubnets() {
        assertError(t -> ((ArrayNode) leaf(t, 1).get("subnets")).add("10.1.1.128/25"), "$.leaves[1].subnets[1]",
                "10.1.1.128/25 overlaps 10.1.1.0/24 at $.leaves[0].subnets[0]");
    }

    @Test
    void subnetWithHostBits() {
        assertError(t -> ((ArrayNode) leaf(t, 0).get("subnets")).set(0, "10.1.1.5/24"), "$.leaves[0].subnets[0]",
                "has host bits set; the subnet is 10.1.1.0/24");
    }

    @Test
    void hostOutsideLeafSubnet() {
        assertError(t -> host(t, 0).put("ip", "10.1.2.50/24"), "$.hosts[0].ip", "10.1.2.50 is outside leaf1's subnets");
    }

    @Test
    void hostPrefixLengthDiffersFromSubnet() {
        assertError(t -> host(t, 0).put("ip", "10.1.1.10/16"), "$.hosts[0].ip", "differs from its subnet 10.1.1.0/24");
    }

    @Test
    void hostOnGatewayAddress() {
        assertError(t -> host(t, 0).put("ip", "10.1.1.1/24"), "$.hosts[0].ip", "gateway address");
    }

    @Test
    void hostOnBroadcastAddress() {
        assertError(t -> host(t, 0).put("ip", "10.1.1.255/24"), "$.hosts[0].ip", "broadcast");
    }

    @Test
    void leafWithoutUplink() {
        assertError(t -> {
            ArrayNode links = (ArrayNode) t.get("links");
            links.remove(7);
            links.remove(6);
        }, "$.leaves[3]", "leaf leaf4 has no uplink to a spine");
    }

    @Test
    void leafToLeafLink() {
        assertError(t -> ((ObjectNode) link(t, 0).get("a")).put("device", "leaf2").put("port", 9), "$.links[0]",
                "leaf2 and leaf1 are both leaves");
    }

    @Test
    void linkToUnknownDevice() {
        assertError(t -> ((ObjectNode) link(t, 0).get("a")).put("device", "spine7"), "$.links[0].a.device",
                "unknown device \"spine7\"");
    }

    @Test
    void duplicateDeviceName() {
        TopologyException e = failure(t -> leaf(t, 1).put("name", "leaf1"));
        assertHas(e, "$.leaves[1].name", "duplicate name \"leaf1\" (first used at $.leaves[0].name)");
    }

    @Test
    void hostNamedLikeDevice() {
        assertError(t -> host(t, 0).put("name", "spine1"), "$.hosts[0].name", "duplicate name \"spine1\"");
    }

    @Test
    void badNodeName() {
        assertError(t -> host(t, 0).put("name", "Host-One"), "$.hosts[0].name", "bad name \"Host-One\"");
    }

    @Test
    void duplicateHostIp() {
        assertError(t -> host(t, 1).put("ip", "10.1.1.10/24"), "$.hosts[1].ip", "IP address 10.1.1.10 is already used at $.hosts[0].ip");
    }

    @Test
    void duplicateHostMac() {
        assertError(t -> host(t, 1).put("mac", "00:00:0a:01:01:0a"), "$.hosts[1].mac", "is already used at $.hosts[0].mac");
    }

    @Test
    void multicastHostMac() {
        assertError(t -> host(t, 0).put("mac", "01:00:5e:00:00:01"), "$.hosts[0].mac", "multicast");
    }

    @Test
    void duplicateGrpcPortAndDeviceId() {
        TopologyException e = failure(t -> leaf(t, 0).put("grpcPort", 50001).put("deviceId", 1));
        assertHas(e, "$.leaves[0].grpcPort", "gRPC port 50001 is already used at $.spines[0].grpcPort");
        assertHas(e, "$.leaves[0].deviceId", "P4Runtime device id 1 is already used at $.spines[0].deviceId");
    }

    @Test
    void duplicateRouterMac() {
        assertError(t -> leaf(t, 0).put("routerMac", "00:aa:00:00:00:01"), "$.leaves[0].routerMac", "already used at $.spines[0].routerMac");
    }

    @Test
    void badMac() {
        assertError(t -> host(t, 2).put("mac", "00:00:0a:01:02"), "$.hosts[2].mac", "bad MAC address \"00:00:0a:01:02\"");
    }

    @Test
    void badIp() {
        assertError(t -> host(t, 2).put("ip", "10.1.2.300/24"), "$.hosts[2].ip", "octet 300 exceeds 255");
    }

    @Test
    void ipWithoutPrefixLength() {
        assertError(t -> host(t, 2).put("ip", "10.1.2.10"), "$.hosts[2].ip", "expected A.B.C.D/LEN");
    }

    @Test
    void negativeCapacity() {
        assertError(t -> link(t, 3).put("capacityGbps", -10), "$.links[3].capacityGbps", "must be a positive number of Gb/s, got -10.0");
    }

    @Test
    void zeroCapacity() {
        assertError(t -> link(t, 3).put("capacityGbps", 0), "$.links[3].capacityGbps", "positive");
    }

    @Test
    void negativeLatency() {
        assertError(t -> link(t, 4).put("latencyUs", -1), "$.links[4].latencyUs", "must be >= 0 us");
    }

    @Test
    void negativeFibreLength() {
        assertError(t -> link(t, 0).put("fibreKm", -3), "$.links[0].fibreKm", "must be >= 0 km");
    }

    @Test
    void latencyAndFibreBoth() {
        assertError(t -> link(t, 0).put("latencyUs", 10), "$.links[0]", "not both");
    }

    @Test
    void latencyMissing() {
        assertError(t -> link(t, 0).remove("fibreKm"), "$.links[0]", "give the link's latency as latencyUs or its length as fibreKm");
    }

    @Test
    void unknownLeafKind() {
        assertError(t -> leaf(t, 2).put("kind", "cloud"), "$.leaves[2].kind", "unknown leaf kind \"cloud\"; expected one of access, edge-cloud, core-cloud");
    }

    @Test
    void unknownField() {
        assertError(t -> link(t, 0).put("latency", 5), "$.links[0].latency", "unknown field; known fields are");
    }

    @Test
    void missingRequiredField() {
        assertError(t -> host(t, 1).remove("mac"), "$.hosts[1].mac", "missing required field");
    }

    @Test
    void nullField() {
        assertError(t -> host(t, 1).putNull("leaf"), "$.hosts[1]", "field \"leaf\" must not be null");
    }

    @Test
    void wrongType() {
        assertError(t -> host(t, 1).put("port", "three"), "$.hosts[1].port", "expected an integer");
    }

    @Test
    void fractionalPort() {
        assertError(t -> host(t, 1).put("port", 3.5), "$.hosts[1].port", "expected an integer");
    }

    @Test
    void noSpines() {
        TopologyException e = failure(t -> {
            ((ArrayNode) t.get("spines")).removeAll();
            ((ArrayNode) t.get("links")).removeAll();
        });
        assertHas(e, "$.spines", "at least one spine is required");
        assertHas(e, "$.leaves[0]", "no uplink");
    }

    @Test
    void malformedJson() {
        TopologyException e = assertThrows(TopologyException.class, () -> TopologyLoader.parse("bad.json", "{\"name\": \"x\",\n  \"spines\": [}"));
        assertHas(e, "$.spines", "malformed JSON at line 2, column");
        assertTrue(e.getMessage().startsWith("bad.json: 1 error"), e.getMessage());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        TopologyException e = failure(t -> {
            host(t, 0).put("leaf", "leaf9");
            link(t, 3).put("capacityGbps", -1);
            leaf(t, 1).put("name", "leaf1");
        });
        assertTrue(e.errors().size() >= 3, e.getMessage());
    }

    private static ObjectNode host(ObjectNode t, int i) {
        return (ObjectNode) t.get("hosts").get(i);
    }

    private static ObjectNode leaf(ObjectNode t, int i) {
        return (ObjectNode) t.get("leaves").get(i);
    }

    private static ObjectNode link(ObjectNode t, int i) {
        return (ObjectNode) t.get("links").get(i);
    }

    private static TopologyException failure(Consumer<ObjectNode> breakIt) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) MAPPER.readTree(Files.readString(TopologyFiles.shipped("metro-2x4")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        breakIt.accept(tree);
        return assertThrows(TopologyException.class, () -> TopologyLoader.parse("test.json", tree.toString()));
    }

    private static void assertError(Consumer<ObjectNode> breakIt, String path, String reasonPart) {
        TopologyException e = failure(breakIt);
        assertHas(e, path, reasonPart);
        assertEquals(1, e.errors().size(), () -> "exactly one error expected:\n" + e.getMessage());
    }

    private static void assertHas(TopologyException e, String path, String reasonPart) {
        assertTrue(e.errors().stream().anyMatch(err -> err.path().equals(path) && err.reason().contains(reasonPart)),
                () -> "expected " + path + ": ..." + reasonPart + "... in\n" + e.getMessage());
    }
}
