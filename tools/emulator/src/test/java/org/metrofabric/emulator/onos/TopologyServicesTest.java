package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.emulator.onos.OnosFixture.SPINE1;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.fabric.Fabric;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onosproject.net.AnnotationKeys;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.Host;
import org.onosproject.net.Link;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceEvent;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.host.HostService;
import org.onosproject.net.link.LinkEvent;
import org.onosproject.net.link.LinkService;

/** Devices, ports, links and hosts of metro-2x4 as ONOS services, and their events on failures. */
class TopologyServicesTest {
    private static final ConnectPoint SPINE1_TO_LEAF1 = new ConnectPoint(SPINE1, PortNumber.portNumber(1));
    private static final ConnectPoint LEAF1_TO_SPINE1 = new ConnectPoint(LEAF1, PortNumber.portNumber(1));

    private final Fabric fabric = OnosFixture.fabric();
    private final EmbeddedOnos onos = OnosFixture.onos(fabric);
    private final ControllerInstance c1 = onos.addInstance("c1");
    private final DeviceService devices = c1.service(DeviceService.class);
    private final LinkService links = c1.service(LinkService.class);
    private final List<String> events = new ArrayList<>();

    TopologyServicesTest() {
        devices.addListener(e -> events.add(e.type() + " " + e.subject().id()
                + (e.port() != null ? "/" + e.port().number() + (e.port().isEnabled() ? " up" : " down") : "")));
        links.addListener(e -> events.add(e.type() + " " + e.subject().src() + "->" + e.subject().dst()));
    }

    @Test
    void devicesAndPortsComeFromTheTopology() {
        assertEquals(6, devices.getDeviceCount());
        assertEquals("leaf1", devices.getDevice(LEAF1).annotations().value(AnnotationKeys.NAME));
        assertEquals("grpc://127.0.0.1:50003?device_id=3",
                devices.getDevice(LEAF1).annotations().value(AnnotationKeys.MANAGEMENT_ADDRESS));
        assertEquals(List.of(1L, 2L, 3L, 4L), devices.getPorts(LEAF1).stream().map(p -> p.number().toLong()).toList());
        assertEquals(10_000, devices.getPort(LEAF1, PortNumber.portNumber(1)).portSpeed());
        assertEquals("leaf1-eth3", devices.getPort(LEAF1, PortNumber.portNumber(3)).annotations()
                .value(AnnotationKeys.PORT_NAME));
        assertTrue(devices.isAvailable(SPINE1));
    }

    @Test
    void linksAreDirectedPairsWithLatency() {
        assertEquals(16, links.getLinkCount());
        Link up = links.getLink(LEAF1_TO_SPINE1, SPINE1_TO_LEAF1);
        assertNotNull(up);
        assertEquals("40000", up.annotations().value("latency"), "8 km of fibre");
        assertEquals(2, links.getDeviceEgressLinks(LEAF1).size());
    }

    @Test
    void hostsSitOnTheirLeafPorts() {
        HostService hosts = c1.service(HostService.class);
        assertEquals(7, hosts.getHostCount());
        Host h1a = hosts.getHostsByIp(IpAddress.valueOf("10.1.1.10")).iterator().next();
        assertEquals(MacAddress.valueOf("00:00:0a:01:01:0a"), h1a.mac());
        assertEquals(new ConnectPoint(LEAF1, PortNumber.portNumber(3)), new ConnectPoint(h1a.location().deviceId(),
                h1a.location().port()));
        assertEquals(2, hosts.getConnectedHosts(LEAF1).size());
    }

    @Test
    void aLinkDownDisablesBothPortsAndRemovesBothDirections() {
        fabric.link("spine1", "leaf1").down();
        assertEquals(List.of(
                "PORT_UPDATED device:spine1/1 down", "PORT_UPDATED device:leaf1/1 down",
                "LINK_REMOVED " + SPINE1_TO_LEAF1 + "->" + LEAF1_TO_SPINE1,
                "LINK_REMOVED " + LEAF1_TO_SPINE1 + "->" + SPINE1_TO_LEAF1), events);
        assertEquals(14, links.getLinkCount());
        assertFalse(devices.getPort(LEAF1, PortNumber.portNumber(1)).isEnabled());
        events.clear();
        fabric.link("spine1", "leaf1").up();
        assertEquals(List.of(
                "PORT_UPDATED device:spine1/1 up", "PORT_UPDATED device:leaf1/1 up",
                "LINK_ADDED " + SPINE1_TO_LEAF1 + "->" + LEAF1_TO_SPINE1,
                "LINK_ADDED " + LEAF1_TO_SPINE1 + "->" + SPINE1_TO_LEAF1), events);
        assertEquals(16, links.getLinkCount());
    }

    @Test
    void aHostLinkDownIsAPortEventOnly() {
        fabric.hostLink("h1a").down();
        assertEquals(List.of("PORT_UPDATED device:leaf1/3 down"), events);
    }

    @Test
    void aFailedSwitchLosesItsLinksAndBecomesUnavailable() {
        onos.failSwitch("spine1");
        assertFalse(devices.isAvailable(SPINE1));
        assertEquals(8, links.getLinkCount());
        assertEquals(DeviceEvent.Type.DEVICE_AVAILABILITY_CHANGED + " " + SPINE1, events.get(events.size() - 1));
        assertEquals(8, events.stream().filter(e -> e.startsWith(LinkEvent.Type.LINK_REMOVED.name())).count());
        onos.restoreSwitch("spine1");
        assertTrue(devices.isAvailable(SPINE1));
        assertEquals(16, links.getLinkCount());
    }
}
