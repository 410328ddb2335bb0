package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.topology.netcfg.NetcfgWriter;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.config.NetworkConfigService;
import org.onosproject.net.config.basics.BasicDeviceConfig;
import org.onosproject.net.config.basics.InterfaceConfig;
import org.onosproject.net.config.basics.SubjectFactories;

/** The netcfg that tools/topology writes, applied to the embedded NetworkConfigService. */
class NetworkConfigTest {
    /** A stand-in for an app's device config under the "metrofabric" key. */
    public static final class RoleConfig extends Config<DeviceId> {
        @Override
        public boolean isValid() {
            return hasOnlyFields("role", "routerMac", "leafKind", "subnets", "hostPorts")
                    && isString("role", FieldPresence.MANDATORY) && isMacAddress("routerMac", FieldPresence.MANDATORY);
        }

        String role() {
            return get("role", null);
        }
    }

    private static final ConfigFactory<DeviceId, RoleConfig> ROLE_FACTORY =
            new ConfigFactory<>(SubjectFactories.DEVICE_SUBJECT_FACTORY, RoleConfig.class, NetcfgWriter.FABRIC_CONFIG_KEY) {
                @Override
                public RoleConfig createConfig() {
                    return new RoleConfig();
                }
            };

    private final EmbeddedOnos onos = OnosFixture.onos(OnosFixture.fabric());
    private final ControllerInstance c1 = onos.addInstance("c1");
    private final NetworkConfigService netcfg = c1.service(NetworkConfigService.class);
    private final NetworkConfigRegistry registry = c1.service(NetworkConfigRegistry.class);
    private final List<String> events = new ArrayList<>();

    NetworkConfigTest() {
        netcfg.addListener(e -> events.add(e.type() + " " + e.subject()));
    }

    /**
     * tools/topology's netcfg, except that link latencies are numbers of nanoseconds: ONOS 2.7's
     * BasicLinkConfig only accepts a number there and rejects ISO-8601 text, which the writer emitted
     * when this was written (see {@link #isoDurationLatenciesAreRejectedAsOnosDoes}).
     */
    private static ObjectNode topologyNetcfg() {
        ObjectNode document = NetcfgWriter.write(OnosFixture.METRO_2X4);
        document.get("links").forEach(link -> {
            ObjectNode basic = (ObjectNode) link.get("basic");
            if (basic.get("latency").isTextual()) {
                basic.put("latency", java.time.Duration.parse(basic.get("latency").asText()).toNanos());
            }
        });
        return document;
    }

    @Test
    void theTopologyNetcfgFillsTheCoreConfigs() throws Exception {
        onos.applyNetcfg(topologyNetcfg());
        BasicDeviceConfig basic = netcfg.getConfig(LEAF1, BasicDeviceConfig.class);
        assertEquals("bmv2", basic.driver());
        assertEquals("org.metrofabric.pipeconf.metro", basic.pipeconf());
        assertEquals("grpc://127.0.0.1:50003?device_id=3", basic.managementAddress());
        InterfaceConfig interfaces = netcfg.getConfig(new ConnectPoint(LEAF1, PortNumber.portNumber(3)),
                InterfaceConfig.class);
        assertEquals("10.1.1.1/24", interfaces.getInterfaces().iterator().next().ipAddressesList().get(0).toString());
        assertEquals(6, netcfg.getSubjects(DeviceId.class, BasicDeviceConfig.class).size());
    }

    @Test
    void anAppFactoryRegisteredLaterSeesTheConfigsAlreadyApplied() {
        onos.applyNetcfg(topologyNetcfg());
        events.clear();
        registry.registerConfigFactory(ROLE_FACTORY);
        assertEquals(NetworkConfigEvent.Type.CONFIG_REGISTERED + " metrofabric", events.get(0));
        assertEquals(7, events.size(), "registered, then one CONFIG_ADDED per device");
        assertEquals("spine", netcfg.getConfig(SPINE1, RoleConfig.class).role());
        assertEquals("leaf", netcfg.getConfig(LEAF1, RoleConfig.class).role());
    }

    @Test
    void configsAppliedAfterRegistrationRaiseAddedThenUpdated() throws Exception {
        registry.registerConfigFactory(ROLE_FACTORY);
        events.clear();
        JsonNode spine = new ObjectMapper().readTree("{\"role\":\"spine\",\"routerMac\":\"00:aa:00:00:00:01\"}");
        netcfg.applyConfig(SPINE1, RoleConfig.class, spine);
        netcfg.applyConfig(SPINE1, RoleConfig.class, spine);
        assertEquals(List.of("CONFIG_ADDED device:spine1", "CONFIG_UPDATED device:spine1"), events);
        netcfg.removeConfig(SPINE1, RoleConfig.class);
        assertNull(netcfg.getConfig(SPINE1, RoleConfig.class));
        assertEquals("CONFIG_REMOVED device:spine1", events.get(2));
    }

    @Test
    void anInvalidConfigIsRejectedWithItsPathAndChangesNothing() throws Exception {
        registry.registerConfigFactory(ROLE_FACTORY);
        netcfg.applyConfig(SPINE1, RoleConfig.class,
                new ObjectMapper().readTree("{\"role\":\"spine\",\"routerMac\":\"00:aa:00:00:00:01\"}"));
        events.clear();
        JsonNode bad = new ObjectMapper().readTree("{\"role\":\"spine\",\"routerMac\":\"not-a-mac\"}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> netcfg.applyConfig(SPINE1, RoleConfig.class, bad));
        assertTrue(error.getMessage().startsWith("netcfg devices/device:spine1/metrofabric is invalid"),
                error.getMessage());
        assertEquals("00:aa:00:00:00:01", netcfg.getConfig(SPINE1, RoleConfig.class).node().get("routerMac").asText());
        assertTrue(events.isEmpty());
    }

    @Test
    void isoDurationLatenciesAreRejectedAsOnosDoes() throws Exception {
        JsonNode document = new ObjectMapper().readTree("{\"devices\":{\"device:leaf1\":{\"basic\":{\"driver\":\"bmv2\"}}},"
                + "\"links\":{\"device:spine1/1-device:leaf1/1\":{\"basic\":{\"type\":\"DIRECT\","
                + "\"latency\":\"PT0.00004S\"}}}}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> onos.applyNetcfg(document));
        assertTrue(error.getMessage().startsWith("netcfg links/device:spine1/1-device:leaf1/1/basic is invalid"),
                error.getMessage());
        assertNull(netcfg.getConfig(LEAF1, BasicDeviceConfig.class), "a rejected document applies nothing");
    }

    @Test
    void anUnknownSubjectClassIsNamed() throws Exception {
        JsonNode document = new ObjectMapper().readTree("{\"switches\":{}}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> onos.applyNetcfg(document));
        assertEquals("netcfg: unknown subject class 'switches'", error.getMessage());
    }

    @Test
    void aConfigClassStaysWhileAnyInstanceHasItsFactoryRegistered() {
        ControllerInstance c2 = onos.addInstance("c2");
        registry.registerConfigFactory(ROLE_FACTORY);
        c2.service(NetworkConfigRegistry.class).registerConfigFactory(ROLE_FACTORY);
        registry.unregisterConfigFactory(ROLE_FACTORY);
        assertEquals(RoleConfig.class, netcfg.getConfigClass("devices", "metrofabric"));
        c2.service(NetworkConfigRegistry.class).unregisterConfigFactory(ROLE_FACTORY);
        assertNull(netcfg.getConfigClass("devices", "metrofabric"));
    }
}
