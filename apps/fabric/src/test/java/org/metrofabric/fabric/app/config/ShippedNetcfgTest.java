package org.metrofabric.fabric.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.HostId;
import org.onosproject.net.LinkKey;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.basics.BasicDeviceConfig;
import org.onosproject.net.config.basics.BasicHostConfig;
import org.onosproject.net.config.basics.BasicLinkConfig;
import org.onosproject.net.config.basics.InterfaceConfig;
import org.onosproject.net.config.basics.PortDescriptionsConfig;

/**
 * The netcfg that tools/topology writes (topologies/netcfg/) is read back through ONOS 2.7's own
 * config classes, so every section would be accepted by a real controller.
 */
class ShippedNetcfgTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static <S, C extends Config<S>> C config(C config, S subject, String key, JsonNode node) {
        config.init(subject, key, node, MAPPER, applied -> { });
        assertTrue(config.isValid(), () -> key + " of " + subject + " is invalid: " + node);
        return config;
    }

    private static Iterator<Map.Entry<String, JsonNode>> section(JsonNode netcfg, String name) {
        return netcfg.get(name).fields();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metro-2x4", "metro-4x8"})
    void everySectionIsValidForOnos(String topology) throws Exception {
        JsonNode netcfg = MAPPER.readTree(Files.readString(NetcfgFabrics.topologiesDir().resolve("netcfg/" + topology + ".json")));
        for (Iterator<Map.Entry<String, JsonNode>> it = section(netcfg, "devices"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> device = it.next();
            DeviceId id = DeviceId.deviceId(device.getKey());
            BasicDeviceConfig basic = config(new BasicDeviceConfig(), id, "basic", device.getValue().get("basic"));
            assertEquals("bmv2", basic.driver());
            assertEquals("org.metrofabric.pipeconf.metro", basic.pipeconf());
            assertTrue(basic.managementAddress().startsWith("grpc://127.0.0.1:"));
            PortDescriptionsConfig ports = config(new PortDescriptionsConfig(), id, "ports", device.getValue().get("ports"));
            assertEquals(device.getValue().get("ports").size(), ports.portDescriptions().size());
            config(NetcfgFabrics.deviceConfig(id, device.getValue().get(MetroDeviceConfig.KEY)), id,
                    MetroDeviceConfig.KEY, device.getValue().get(MetroDeviceConfig.KEY));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section(netcfg, "ports"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> port = it.next();
            InterfaceConfig interfaces = config(new InterfaceConfig(), ConnectPoint.deviceConnectPoint(port.getKey()),
                    "interfaces", port.getValue().get("interfaces"));
            assertEquals(1, interfaces.getInterfaces().size());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section(netcfg, "links"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> link = it.next();
            String[] ends = link.getKey().split("-");
            BasicLinkConfig basic = config(new BasicLinkConfig(), LinkKey.linkKey(ConnectPoint.deviceConnectPoint(ends[0]),
                    ConnectPoint.deviceConnectPoint(ends[1])), "basic", link.getValue().get("basic"));
            assertTrue(basic.bandwidth() > 0);
            assertTrue(basic.latency().compareTo(Duration.ZERO) > 0);
            assertTrue(basic.isBidirectional());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section(netcfg, "hosts"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> host = it.next();
            BasicHostConfig basic = config(new BasicHostConfig(), HostId.hostId(host.getKey()), "basic", host.getValue().get("basic"));
            assertEquals(1, basic.locations().size());
            assertEquals(1, basic.ipAddresses().size());
            assertEquals(host.getValue().get("basic").get("ips").get(0).asText(), basic.ipAddresses().iterator().next().toString());
        }
    }
}
