package org.metrofabric.topology.netcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrofabric.topology.TopologyFiles;
import org.metrofabric.topology.load.TopologyLoader;

class NetcfgWriterTest {
    private static ObjectNode netcfg;

    @BeforeAll
    static void write() throws Exception {
        netcfg = NetcfgWriter.write(TopologyLoader.load(TopologyFiles.shipped("metro-2x4")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"metro-2x4", "metro-4x8"})
    void shippedNetcfgIsCurrent(String name) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode written = mapper.readTree(NetcfgWriter.write(TopologyLoader.load(TopologyFiles.shipped(name))).toString());
        JsonNode shipped = mapper.readTree(Files.readString(TopologyFiles.topologiesDir().resolve("netcfg/" + name + ".json")));
        assertEquals(written, shipped, "regenerate with: topology netcfg topologies/" + name + ".json -o topologies/netcfg/" + name + ".json");
    }

    @Test
    void everySwitchIsABmv2DeviceWithTheMetroPipeconf() {
        JsonNode devices = netcfg.get("devices");
        assertEquals(6, devices.size());
        JsonNode basic = devices.get("device:leaf3").get("basic");
        assertEquals("grpc://127.0.0.1:50005?device_id=5", basic.get("managementAddress").asText());
        assertEquals("bmv2", basic.get("driver").asText());
        assertEquals("org.metrofabric.pipeconf.metro", basic.get("pipeconf").asText());
    }

    @Test
    void leafCarriesTheFabricDeviceConfig() {
        JsonNode fabric = netcfg.get("devices").get("device:leaf1").get("metrofabric");
        assertEquals("leaf", fabric.get("role").asText());
        assertEquals("access", fabric.get("leafKind").asText());
        assertEquals("00:bb:00:00:00:01", fabric.get("routerMac").asText());
        assertEquals("[\"10.1.1.0/24\"]", fabric.get("subnets").toString());
        assertEquals("[3,4]", fabric.get("hostPorts").toString());
    }

    @Test
    void spineConfigHasNoLeafFields() {
        JsonNode fabric = netcfg.get("devices").get("device:spine2").get("metrofabric");
        assertEquals("spine", fabric.get("role").asText());
        assertFalse(fabric.has("leafKind") || fabric.has("subnets") || fabric.has("hostPorts"));
    }

    @Test
    void portsListUplinksWithSpeedAndHostPorts() {
        JsonNode ports = netcfg.get("devices").get("device:leaf4").get("ports");
        assertEquals(4, ports.size());
        assertEquals(100_000, ports.get("1").get("speed").asLong());
        assertEquals("leaf4-eth3", ports.get("3").get("name").asText());
        assertFalse(ports.get("3").has("speed"));
    }

    @Test
    void hostPortsGetTheGatewayInterface() {
        JsonNode intf = netcfg.get("ports").get("device:leaf2/4").get("interfaces").get(0);
        assertEquals("[\"10.1.2.1/24\"]", intf.get("ips").toString());
        assertEquals("00:bb:00:00:00:02", intf.get("mac").asText());
    }

    @Test
    void linksCarryBandwidthAndLatency() {
        JsonNode fibre = netcfg.get("links").get("device:spine1/4-device:leaf4/1").get("basic");
        assertEquals(100_000, fibre.get("bandwidth").asLong());
        assertEquals(200_000, fibre.get("latency").asLong(), "40 km at 5 us/km, in ns");
        JsonNode direct = netcfg.get("links").get("device:spine2/3-device:leaf3/2").get("basic");
        assertEquals(20_000, direct.get("latency").asLong());
        assertTrue(direct.get("bidirectional").asBoolean());
    }

    @Test
    void hostsAreKeyedByOnosHostId() {
        JsonNode basic = netcfg.get("hosts").get("00:00:0A:03:01:0B/None").get("basic");
        assertEquals("h4b", basic.get("name").asText());
        assertEquals("[\"10.3.1.11\"]", basic.get("ips").toString());
        assertEquals("[\"device:leaf4/4\"]", basic.get("locations").toString());
        assertEquals(7, netcfg.get("hosts").size());
    }
}
