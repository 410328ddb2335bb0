package org.metrofabric.topology.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.metrofabric.topology.model.Host;
import org.metrofabric.topology.model.Ipv4Prefix;
import org.metrofabric.topology.model.Leaf;
import org.metrofabric.topology.model.Link;
import org.metrofabric.topology.model.LinkEnd;
import org.metrofabric.topology.model.MacAddress;
import org.metrofabric.topology.model.Spine;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.model.Topology;

/**
 * Checks the rules of a topology that span fields: names resolve and are unique, ports are
 * used once per device, subnets are disjoint, hosts sit inside their leaf's subnets, every link
 * joins a spine and a leaf, and every leaf has an uplink. Each problem is reported with the
 * JSON path of the offending field.
 */
final class TopologyValidator {
    /** Short and shell-safe; Linux interface names such as "leaf12-eth300" must fit in 15 characters. */
    private static final Pattern NODE_NAME = Pattern.compile("[a-z][a-z0-9]{0,7}");
    private static final Pattern TOPOLOGY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** BMv2's conventional CPU port (simple_switch_grpc --cpu-port 255). */
    static final int CPU_PORT = 255;
    static final int MAX_PORT = 65_535;

    private final Topology topology;
    private final List<TopologyError> errors = new ArrayList<>();
    /** Where each node name (device or host) was first declared. */
    private final Map<String, String> namePaths = new HashMap<>();
    private final Map<String, Switch> switchesByName = new HashMap<>();
    /** "device/port" to the path of its first user. */
    private final Map<String, String> portUsers = new HashMap<>();

    TopologyValidator(Topology topology) {
        this.topology = topology;
    }

    List<TopologyError> validate() {
        if (!TOPOLOGY_NAME.matcher(topology.name()).matches()) {
            error("$.name", "bad topology name \"" + topology.name() + "\"; use letters, digits, '.', '_' or '-' (at most 64)");
        }
        checkSwitches();
        checkSubnets();
        checkLinks();
        checkHosts();
        return errors;
    }

    private void checkSwitches() {
        if (topology.spines().isEmpty()) {
            error("$.spines", "at least one spine is required");
        }
        if (topology.leaves().isEmpty()) {
            error("$.leaves", "at least one leaf is required");
        }
        Map<Integer, String> grpcPorts = new HashMap<>();
        Map<Long, String> deviceIds = new HashMap<>();
        Map<MacAddress, String> macs = new HashMap<>();
        List<Switch> switches = topology.switches();
        int spineCount = topology.spines().size();
        for (int i = 0; i < switches.size(); i++) {
            Switch sw = switches.get(i);
            String path = i < spineCount ? "$.spines[" + i + "]" : "$.leaves[" + (i - spineCount) + "]";
            declareName(sw.name(), path + ".name");
            switchesByName.putIfAbsent(sw.name(), sw);
            if (sw.grpcPort() < 1 || sw.grpcPort() > MAX_PORT) {
                error(path + ".grpcPort", "TCP port " + sw.grpcPort() + " is outside 1..65535");
            } else {
                unique(grpcPorts, sw.grpcPort(), path + ".grpcPort", "gRPC port " + sw.grpcPort());
            }
            if (sw.deviceId() < 0) {
                error(path + ".deviceId", "P4Runtime device id must be >= 0, got " + sw.deviceId());
            } else {
                unique(deviceIds, sw.deviceId(), path + ".deviceId", "P4Runtime device id " + sw.deviceId());
            }
            if (sw.routerMac().isMulticast()) {
                error(path + ".routerMac", "router MAC " + sw.routerMac() + " is a multicast address");
            } else {
                unique(macs, sw.routerMac(), path + ".routerMac", "router MAC " + sw.routerMac());
            }
        }
    }

    private void checkSubnets() {
        List<Ipv4Prefix> seen = new ArrayList<>();
        List<String> seenPaths = new ArrayList<>();
        for (int l = 0; l < topology.leaves().size(); l++) {
            Leaf leaf = topology.leaves().get(l);
            if (leaf.subnets().isEmpty()) {
                error("$.leaves[" + l + "].subnets", "a leaf needs at least one subnet");
            }
            for (int s = 0; s < leaf.subnets().size(); s++) {
                Ipv4Prefix subnet = leaf.subnets().get(s);
                String path = "$.leaves[" + l + "].subnets[" + s + "]";
                if (!subnet.isNetwork()) {
                    error(path, subnet + " has host bits set; the subnet is " + subnet.network());
                    continue;
                }
                if (subnet.length() > 30) {
                    error(path, subnet + " is too small: a subnet needs a gateway and at least one host (length <= 30)");
                }
                for (int i = 0; i < seen.size(); i++) {
                    if (seen.get(i).overlaps(subnet)) {
                        error(path, subnet + " overlaps " + seen.get(i) + " at " + seenPaths.get(i));
                    }
                }
                seen.add(subnet);
                seenPaths.add(path);
            }
        }
    }

    private void checkHosts() {
        Map<Integer, String> ips = new HashMap<>();
        Map<MacAddress, String> macs = new HashMap<>();
        for (int h = 0; h < topology.hosts().size(); h++) {
            Host host = topology.hosts().get(h);
            String path = "$.hosts[" + h + "]";
            declareName(host.name(), path + ".name");
            unique(ips, host.ip().address(), path + ".ip", "IP address " + Ipv4Prefix.addressText(host.ip().address()));
            if (host.mac().isMulticast()) {
                error(path + ".mac", "host MAC " + host.mac() + " is a multicast address");
            } else {
                unique(macs, host.mac(), path + ".mac", "MAC " + host.mac());
            }
            Switch sw = switchesByName.get(host.leaf());
            if (sw == null) {
                error(path + ".leaf", "unknown leaf \"" + host.leaf() + "\"");
            } else if (sw instanceof Spine) {
                error(path + ".leaf", "\"" + host.leaf() + "\" is a spine; hosts attach to leaves");
            } else {
                checkHostAddress((Leaf) sw, host, path + ".ip");
            }
            if (checkPortNumber(host.port(), path + ".port")) {
                usePort(host.leaf(), host.port(), path + ".port");
            }
        }
    }

    private void checkHostAddress(Leaf leaf, Host host, String path) {
        int address = host.ip().address();
        String text = Ipv4Prefix.addressText(address);
        Ipv4Prefix subnet = leaf.subnets().stream().filter(s -> s.contains(address)).map(Ipv4Prefix::network).findFirst().orElse(null);
        if (subnet == null) {
            error(path, text + " is outside " + leaf.name() + "'s subnets " + leaf.subnets());
        } else if (subnet.length() != host.ip().length()) {
            error(path, "prefix length /" + host.ip().length() + " differs from its subnet " + subnet);
        } else if (address == subnet.address() || address == subnet.broadcast()) {
            error(path, text + " is the network or broadcast address of " + subnet);
        } else if (address == subnet.gateway()) {
            error(path, text + " is the gateway address of " + subnet + " (the leaf owns the subnet's first address)");
        }
    }

    private void checkLinks() {
        Set<String> uplinked = new HashSet<>();
        for (int i = 0; i < topology.links().size(); i++) {
            Link link = topology.links().get(i);
            String path = "$.links[" + i + "]";
            Switch a = linkEnd(link.a(), path + ".a");
            Switch b = linkEnd(link.b(), path + ".b");
            if (a != null && b != null) {
                if (a instanceof Leaf && b instanceof Leaf) {
                    error(path, "links join a spine and a leaf; " + a.name() + " and " + b.name() + " are both leaves");
                } else if (a instanceof Spine && b instanceof Spine) {
                    error(path, "links join a spine and a leaf; " + a.name() + " and " + b.name() + " are both spines");
                } else {
                    uplinked.add(a.name());
                    uplinked.add(b.name());
                }
            }
            if (!(link.capacityGbps() > 0) || Double.isInfinite(link.capacityGbps())) {
                error(path + ".capacityGbps", "capacity must be a positive number of Gb/s, got " + link.capacityGbps());
            }
            checkLatency(link, path);
        }
        for (int l = 0; l < topology.leaves().size(); l++) {
            Leaf leaf = topology.leaves().get(l);
            if (!uplinked.contains(leaf.name())) {
                error("$.leaves[" + l + "]", "leaf " + leaf.name() + " has no uplink to a spine");
            }
        }
        for (int s = 0; s < topology.spines().size(); s++) {
            Spine spine = topology.spines().get(s);
            if (!uplinked.contains(spine.name())) {
                error("$.spines[" + s + "]", "spine " + spine.name() + " has no link to a leaf");
            }
        }
    }

    private void checkLatency(Link link, String path) {
        if (link.latencyUs() == null && link.fibreKm() == null) {
            error(path, "give the link's latency as latencyUs or its length as fibreKm");
        } else if (link.latencyUs() != null && link.fibreKm() != null) {
            error(path, "give latencyUs or fibreKm, not both");
        } else if (link.latencyUs() != null && !(link.latencyUs() >= 0)) {
            error(path + ".latencyUs", "latency must be >= 0 us, got " + link.latencyUs());
        } else if (link.fibreKm() != null && !(link.fibreKm() >= 0)) {
            error(path + ".fibreKm", "fibre length must be >= 0 km, got " + link.fibreKm());
        }
    }

    private Switch linkEnd(LinkEnd end, String path) {
        Switch sw = switchesByName.get(end.device());
        if (sw == null) {
            error(path + ".device", "unknown device \"" + end.device() + "\"");
        }
        if (checkPortNumber(end.port(), path + ".port") && sw != null) {
            usePort(end.device(), end.port(), path + ".port");
        }
        return sw;
    }

    private boolean checkPortNumber(int port, String path) {
        if (port == CPU_PORT) {
            error(path, "port 255 is reserved as the CPU port");
            return false;
        }
        if (port < 1 || port > MAX_PORT) {
            error(path, "port " + port + " is outside 1..65535");
            return false;
        }
        return true;
    }

    private void usePort(String device, int port, String path) {
        String previous = portUsers.putIfAbsent(device + "/" + port, path);
        if (previous != null) {
            error(path, "port " + port + " of " + device + " is already used at " + previous);
        }
    }

    private void declareName(String name, String path) {
        if (!NODE_NAME.matcher(name).matches()) {
            error(path, "bad name \"" + name + "\"; use a lower-case letter then up to 7 lower-case letters or digits");
        }
        String previous = namePaths.putIfAbsent(name, path);
        if (previous != null) {
            error(path, "duplicate name \"" + name + "\" (first used at " + previous + ")");
        }
    }

    private <K> void unique(Map<K, String> seen, K key, String path, String what) {
        String previous = seen.putIfAbsent(key, path);
        if (previous != null) {
            error(path, what + " is already used at " + previous);
        }
    }

    private void error(String path, String reason) {
        errors.add(new TopologyError(path, reason));
    }
}
