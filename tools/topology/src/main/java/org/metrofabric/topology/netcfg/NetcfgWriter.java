package org.metrofabric.topology.netcfg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metrofabric.topology.model.Host;
import org.metrofabric.topology.model.Ipv4Prefix;
import org.metrofabric.topology.model.Leaf;
import org.metrofabric.topology.model.Link;
import org.metrofabric.topology.model.LinkEnd;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.model.Topology;

/**
 * Writes the ONOS network configuration implied by a topology: one BMv2 device per switch
 * (P4Runtime address, the metro pipeconf, its ports and the fabric app's device config), the
 * gateway interface of every host-facing port, every link's bandwidth and latency, and every host.
 * topologies/mininet/metro_mininet.py --print-netcfg writes the same document.
 */
public final class NetcfgWriter {
    public static final String DRIVER = "bmv2";
    public static final String PIPECONF_ID = "org.metrofabric.pipeconf.metro";
    /** Key of the fabric app's device config ({@code MetroDeviceConfig}) under each device. */
    public static final String FABRIC_CONFIG_KEY = "metrofabric";
    public static final String MANAGEMENT_HOST = "127.0.0.1";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NetcfgWriter() {
    }

    public static ObjectNode write(Topology topology) {
        Map<String, Map<Integer, Long>> portSpeeds = portSpeeds(topology);
        ObjectNode root = JSON.objectNode();
        ObjectNode devices = root.putObject("devices");
        for (Switch sw : topology.switches()) {
            devices.set(sw.onosDeviceId(), device(topology, sw, portSpeeds.getOrDefault(sw.name(), Map.of())));
        }
        ObjectNode ports = root.putObject("ports");
        for (Host host : topology.hosts()) {
            Leaf leaf = topology.leaf(host.leaf()).orElseThrow();
            ObjectNode intf = JSON.objectNode();
            intf.put("name", portName(leaf.name(), host.port()));
            intf.putArray("ips").add(gatewayOf(leaf, host));
            intf.put("mac", leaf.routerMac().toString());
            ports.putObject(connectPoint(leaf.name(), host.port())).putArray("interfaces").add(intf);
        }
        ObjectNode links = root.putObject("links");
        for (Link link : topology.links()) {
            ObjectNode basic = links.putObject(connectPoint(link.a()) + "-" + connectPoint(link.b())).putObject("basic");
            basic.put("type", "DIRECT");
            basic.put("bandwidth", link.capacityMbps());
            // ONOS 2.7 BasicLinkConfig keeps latency as a number of nanoseconds.
            basic.put("latency", link.latencyNanos());
            basic.put("bidirectional", true);
        }
        ObjectNode hosts = root.putObject("hosts");
        for (Host host : topology.hosts()) {
            ObjectNode basic = hosts.putObject(host.mac().toOnosString() + "/None").putObject("basic");
            basic.put("name", host.name());
            basic.putArray("ips").add(Ipv4Prefix.addressText(host.ip().address()));
            basic.putArray("locations").add(connectPoint(host.leaf(), host.port()));
        }
        return root;
    }

    private static ObjectNode device(Topology topology, Switch sw, Map<Integer, Long> speeds) {
        ObjectNode device = JSON.objectNode();
        ObjectNode basic = device.putObject("basic");
        basic.put("name", sw.name());
        basic.put("managementAddress", "grpc://" + MANAGEMENT_HOST + ":" + sw.grpcPort() + "?device_id=" + sw.deviceId());
        basic.put("driver", DRIVER);
        basic.put("pipeconf", PIPECONF_ID);
        ObjectNode ports = device.putObject("ports");
        speeds.forEach((number, speed) -> {
            ObjectNode port = ports.putObject(Integer.toString(number));
            port.put("number", number);
            port.put("name", portName(sw.name(), number));
            port.put("enabled", true);
            if (speed != null) {
                port.put("speed", speed);
            }
        });
        ObjectNode fabric = device.putObject(FABRIC_CONFIG_KEY);
        fabric.put("routerMac", sw.routerMac().toString());
        if (sw instanceof Leaf leaf) {
            fabric.put("role", "leaf");
            fabric.put("leafKind", leaf.kind().jsonName());
            ArrayNode subnets = fabric.putArray("subnets");
            leaf.subnets().forEach(s -> subnets.add(s.toString()));
            ArrayNode hostPorts = fabric.putArray("hostPorts");
            topology.hosts().stream().filter(h -> h.leaf().equals(leaf.name()))
                    .map(Host::port).sorted().forEach(hostPorts::add);
        } else {
            fabric.put("role", "spine");
        }
        return device;
    }

    /** Every used port of every switch, in port order; link ports carry the link's speed, host ports none. */
    private static Map<String, Map<Integer, Long>> portSpeeds(Topology topology) {
        Map<String, Map<Integer, Long>> speeds = new TreeMap<>();
        for (Link link : topology.links()) {
            for (LinkEnd end : List.of(link.a(), link.b())) {
                speeds.computeIfAbsent(end.device(), d -> new TreeMap<>()).put(end.port(), link.capacityMbps());
            }
        }
        for (Host host : topology.hosts()) {
            speeds.computeIfAbsent(host.leaf(), d -> new TreeMap<>()).put(host.port(), null);
        }
        return speeds;
    }

    private static String gatewayOf(Leaf leaf, Host host) {
        Ipv4Prefix subnet = leaf.subnets().stream().filter(s -> s.contains(host.ip().address())).findFirst().orElseThrow();
        return Ipv4Prefix.addressText(subnet.gateway()) + "/" + subnet.length();
    }

    /** The Mininet interface name of a switch port. */
    public static String portName(String device, int port) {
        return device + "-eth" + port;
    }

    private static String connectPoint(LinkEnd end) {
        return connectPoint(end.device(), end.port());
    }

    private static String connectPoint(String device, int port) {
        return "device:" + device + "/" + port;
    }
}
