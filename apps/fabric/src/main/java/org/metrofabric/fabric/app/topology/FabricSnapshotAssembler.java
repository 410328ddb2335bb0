package org.metrofabric.fabric.app.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricHost;
import org.metrofabric.fabric.api.FabricLink;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.app.config.MetroDeviceConfig;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.AnnotationKeys;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Host;
import org.onosproject.net.Link;
import org.onosproject.net.LinkKey;
import org.onosproject.net.config.InvalidFieldException;
import org.onosproject.net.config.basics.BasicLinkConfig;

/**
 * Builds the planners' {@link FabricSnapshot} from ONOS model objects, as a pure function so the
 * manager only gathers its inputs from the services:
 * <ul>
 * <li>a device belongs to the fabric when it has a valid {@link MetroDeviceConfig}; it is up when
 *     ONOS says it is available;</li>
 * <li>ONOS links are one-way: a spine-leaf link is up only when both directions are ACTIVE; its
 *     capacity and latency come from the link's {@link BasicLinkConfig} (either direction);</li>
 * <li>a host takes its name from its {@code name} annotation (BasicHostConfig) or its id, and its
 *     lowest IPv4 address, which must lie in its leaf's subnets.</li>
 * </ul>
 * Anything that cannot be used is left out and described in {@link SnapshotAssembly#problems()}.
 */
public final class FabricSnapshotAssembler {

    private FabricSnapshotAssembler() {
    }

    /**
     * @param configs    the fabric config of every configured device
     * @param available  whether ONOS reports a device available
     * @param links      every infrastructure link ONOS knows (one per direction)
     * @param linkConfig the BasicLinkConfig of a link key, or null
     * @param hosts      every host ONOS knows
     */
    public static SnapshotAssembly assemble(Map<DeviceId, MetroDeviceConfig> configs, Predicate<DeviceId> available,
                                            Iterable<Link> links, Function<LinkKey, BasicLinkConfig> linkConfig,
                                            Iterable<Host> hosts) {
        List<String> problems = new ArrayList<>();
        Map<DeviceId, FabricDevice> devices = devices(configs, available, problems);
        FabricSnapshot.Builder builder = FabricSnapshot.builder();
        devices.values().forEach(builder::addDevice);
        links(devices, links, linkConfig, problems).forEach(builder::addLink);
        hosts(devices, hosts, problems).forEach(builder::addHost);
        return new SnapshotAssembly(builder.build(), problems);
    }

    private static Map<DeviceId, FabricDevice> devices(Map<DeviceId, MetroDeviceConfig> configs,
                                                       Predicate<DeviceId> available, List<String> problems) {
        Map<DeviceId, MetroDeviceConfig> sorted = new TreeMap<>(Comparator.comparing(DeviceId::toString));
        sorted.putAll(configs);
        Map<DeviceId, FabricDevice> devices = new LinkedHashMap<>();
        Map<IpPrefix, DeviceId> subnetOwners = new HashMap<>();
        for (Map.Entry<DeviceId, MetroDeviceConfig> entry : sorted.entrySet()) {
            DeviceId id = entry.getKey();
            FabricDevice device;
            try {
                entry.getValue().isValid();
                device = entry.getValue().toFabricDevice(available.test(id));
            } catch (InvalidFieldException e) {
                problems.add(id + ": " + MetroDeviceConfig.KEY + "." + e.field() + ": " + e.reason() + "; device left out");
                continue;
            }
            String clash = subnetClash(device, subnetOwners);
            if (clash != null) {
                problems.add(id + ": " + clash + "; device left out");
                continue;
            }
            device.subnets().forEach(subnet -> subnetOwners.put(subnet, id));
            devices.put(id, device);
        }
        return devices;
    }

    private static String subnetClash(FabricDevice device, Map<IpPrefix, DeviceId> owners) {
        for (IpPrefix subnet : device.subnets()) {
            for (Map.Entry<IpPrefix, DeviceId> owned : owners.entrySet()) {
                if (owned.getKey().contains(subnet) || subnet.contains(owned.getKey())) {
                    return "subnet " + subnet + " overlaps " + owned.getKey() + " of " + owned.getValue();
                }
            }
        }
        return null;
    }

    private static List<FabricLink> links(Map<DeviceId, FabricDevice> devices, Iterable<Link> links,
                                          Function<LinkKey, BasicLinkConfig> linkConfig, List<String> problems) {
        Map<LinkId, List<Link>> directions = new LinkedHashMap<>();
        Set<Set<ConnectPoint>> reported = new HashSet<>();
        for (Link link : links) {
            FabricDevice src = devices.get(link.src().deviceId());
            FabricDevice dst = devices.get(link.dst().deviceId());
            if (src == null || dst == null) {
                continue;
            }
            if (src.isSpine() == dst.isSpine()) {
                if (reported.add(Set.of(link.src(), link.dst()))) {
                    problems.add("link " + link.src() + "-" + link.dst() + " joins two "
                            + (src.isSpine() ? "spines" : "leaves") + "; not a fabric link, left out");
                }
                continue;
            }
            LinkId id = src.isSpine() ? new LinkId(link.src(), link.dst()) : new LinkId(link.dst(), link.src());
            directions.computeIfAbsent(id, k -> new ArrayList<>(2)).add(link);
        }
        List<FabricLink> fabricLinks = new ArrayList<>();
        directions.forEach((id, seen) -> {
            boolean bothActive = seen.size() == 2 && seen.stream().allMatch(l -> l.state() == Link.State.ACTIVE);
            BasicLinkConfig config = linkConfig.apply(LinkKey.linkKey(id.spinePort(), id.leafPort()));
            if (config == null) {
                config = linkConfig.apply(LinkKey.linkKey(id.leafPort(), id.spinePort()));
            }
            long capacity = config == null ? -1 : config.bandwidth();
            long latency = config == null ? -1 : config.latency().toNanos();
            if (capacity <= 0) {
                problems.add("link " + id + ": no bandwidth configured; taken as 0 Mb/s, so no bandwidth can be reserved on it");
            }
            if (latency < 0) {
                problems.add("link " + id + ": no latency configured; taken as 0 us");
            }
            fabricLinks.add(new FabricLink(id, Math.max(capacity, 0), Math.max(latency, 0), bothActive));
        });
        return fabricLinks;
    }

    private static List<FabricHost> hosts(Map<DeviceId, FabricDevice> devices, Iterable<Host> hosts, List<String> problems) {
        List<FabricHost> fabricHosts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Host host : hosts) {
            FabricDevice leaf = devices.get(host.location().deviceId());
            if (leaf == null || leaf.isSpine()) {
                continue;
            }
            IpAddress ip = host.ipAddresses().stream().filter(IpAddress::isIp4)
                    .min(Comparator.naturalOrder()).orElse(null);
            if (ip == null) {
                problems.add("host " + host.id() + ": no IPv4 address known; not routed");
                continue;
            }
            if (leaf.subnets().stream().noneMatch(subnet -> subnet.contains(ip))) {
                problems.add("host " + host.id() + ": " + ip + " is outside " + leaf.id() + "'s subnets " + leaf.subnets()
                        + "; not routed");
                continue;
            }
            String name = host.annotations().value(AnnotationKeys.NAME);
            if (name == null || !names.add(name)) {
                if (name != null) {
                    problems.add("host " + host.id() + ": name " + name + " is taken; known by its id instead");
                }
                name = host.id().toString();
                names.add(name);
            }
            // HostLocation also carries a timestamp; the planners want the plain port.
            ConnectPoint location = new ConnectPoint(host.location().deviceId(), host.location().port());
            fabricHosts.add(new FabricHost(name, host.mac(), ip, location));
        }
        return fabricHosts;
    }
}
