package org.metrofabric.fabric.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metrofabric.fabric.api.DeviceRole;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.LeafKind;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.config.InvalidFieldException;

class MetroDeviceConfigTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DeviceId LEAF = DeviceId.deviceId("device:leaf3");

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = MetroDeviceConfigTest.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void validLeaf() throws IOException {
        MetroDeviceConfig config = NetcfgFabrics.deviceConfig(LEAF, fixture("leaf.json"));
        assertTrue(config.isValid());
        assertEquals(DeviceRole.LEAF, config.role());
        assertEquals(LeafKind.EDGE_CLOUD, config.leafKind());
        assertEquals(MacAddress.valueOf("00:bb:00:00:00:03"), config.routerMac());
        assertEquals(List.of(IpPrefix.valueOf("10.2.1.0/24"), IpPrefix.valueOf("10.2.2.0/25")), config.subnets());
        assertEquals(Set.of(PortNumber.portNumber(3), PortNumber.portNumber(7)), config.hostPorts());
        FabricDevice device = config.toFabricDevice(true);
        assertEquals(LEAF, device.id());
        assertEquals(LeafKind.EDGE_CLOUD, device.leafKind());
        assertTrue(device.isUp());
    }

    @Test
    void validSpine() throws IOException {
        MetroDeviceConfig config = NetcfgFabrics.deviceConfig(DeviceId.deviceId("device:spine1"), fixture("spine.json"));
        assertTrue(config.isValid());
        assertEquals(DeviceRole.SPINE, config.role());
        assertNull(config.leafKind());
        assertTrue(config.subnets().isEmpty());
        assertTrue(config.toFabricDevice(false).isSpine());
    }

    @Test
    void shippedNetcfgIsValid() {
        assertEquals(6, NetcfgFabrics.shipped("metro-2x4").devices().size());
        assertEquals(12, NetcfgFabrics.shipped("metro-4x8").devices().size());
    }

    static Stream<Arguments> invalidCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : fixture("invalid.json")) {
            cases.add(Arguments.of(c.get("case").asText(), c.get("config"), c.get("field").asText(), c.get("reason").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidConfigNamesTheField(String name, JsonNode json, String field, String reasonPart) {
        MetroDeviceConfig config = NetcfgFabrics.deviceConfig(LEAF, json);
        InvalidFieldException e = assertThrows(InvalidFieldException.class, config::isValid);
        assertEquals(field, e.field(), name);
        assertTrue(e.reason().contains(reasonPart), () -> name + ": reason was \"" + e.reason() + "\"");
    }
}
