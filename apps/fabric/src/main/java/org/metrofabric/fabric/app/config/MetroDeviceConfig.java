package org.metrofabric.fabric.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.metrofabric.fabric.api.DeviceRole;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.LeafKind;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.InvalidFieldException;

/**
 * The fabric app's config of one switch, under key {@value #KEY} of {@code devices."device:X"}:
 * <pre>{"role": "leaf", "leafKind": "access", "routerMac": "00:bb:00:00:00:01",
 *  "subnets": ["10.1.1.0/24"], "hostPorts": [3, 4]}</pre>
 * A spine has only {@code role} and {@code routerMac}. {@link #isValid()} throws an
 * {@link InvalidFieldException} naming the first bad field (with its index inside a list).
 */
public class MetroDeviceConfig extends Config<DeviceId> {
    public static final String KEY = "metrofabric";
    public static final String ROLE = "role";
    public static final String LEAF_KIND = "leafKind";
    public static final String ROUTER_MAC = "routerMac";
    public static final String SUBNETS = "subnets";
    public static final String HOST_PORTS = "hostPorts";

    private static final List<String> FIELDS = List.of(ROLE, LEAF_KIND, ROUTER_MAC, SUBNETS, HOST_PORTS);
    private static final List<String> LEAF_ONLY = List.of(LEAF_KIND, SUBNETS, HOST_PORTS);
    /** BMv2's CPU port; never a host port. */
    private static final long CPU_PORT = 255;
    private static final long MAX_PORT = 0xffff_ffffL;

    @Override
    public boolean isValid() {
        if (object == null) {
            throw new InvalidFieldException(KEY, "must be a JSON object");
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(name, "unknown field; allowed: " + String.join(", ", FIELDS));
            }
        }
        DeviceRole role = parseRole();
        parseMac();
        if (role == DeviceRole.SPINE) {
            for (String field : LEAF_ONLY) {
                if (object.has(field)) {
                    throw new InvalidFieldException(field, "only a leaf has " + field + "; this device is a spine");
                }
            }
            return true;
        }
        parseKind();
        parseSubnets();
        parseHostPorts();
        return true;
    }

    public DeviceRole role() {
        return parseRole();
    }

    /** @return the leaf kind; null for a spine */
    public LeafKind leafKind() {
        return role() == DeviceRole.LEAF ? parseKind() : null;
    }

    public MacAddress routerMac() {
        return parseMac();
    }

    public List<IpPrefix> subnets() {
        return object.has(SUBNETS) ? parseSubnets() : List.of();
    }

    public Set<PortNumber> hostPorts() {
        return parseHostPorts();
    }

    /** The planners' view of this switch. */
    public FabricDevice toFabricDevice(boolean up) {
        if (role() == DeviceRole.SPINE) {
            return FabricDevice.spine(subject(), routerMac(), up);
        }
        return FabricDevice.leaf(subject(), leafKind(), routerMac(), subnets(), hostPorts(), up);
    }

    private DeviceRole parseRole() {
        JsonNode node = mandatory(ROLE);
        DeviceRole role = DeviceRole.fromConfigName(node.asText());
        if (!node.isTextual() || role == null) {
            throw new InvalidFieldException(ROLE, "must be \"spine\" or \"leaf\", got " + node);
        }
        return role;
    }

    private LeafKind parseKind() {
        JsonNode node = mandatory(LEAF_KIND);
        LeafKind kind = LeafKind.fromConfigName(node.asText());
        if (!node.isTextual() || kind == null) {
            throw new InvalidFieldException(LEAF_KIND, "must be \"access\", \"edge-cloud\" or \"core-cloud\", got " + node);
        }
        return kind;
    }

    private MacAddress parseMac() {
        JsonNode node = mandatory(ROUTER_MAC);
        MacAddress mac;
        try {
            mac = MacAddress.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(ROUTER_MAC, "not a MAC address: " + node);
        }
        if (!node.isTextual() || mac.isMulticast()) {
            throw new InvalidFieldException(ROUTER_MAC, "must be a unicast MAC address like \"00:bb:00:00:00:01\", got " + node);
        }
        return mac;
    }

    private List<IpPrefix> parseSubnets() {
        JsonNode node = mandatory(SUBNETS);
        if (!node.isArray() || node.size() == 0) {
            throw new InvalidFieldException(SUBNETS, "must be a non-empty list of IPv4 prefixes");
        }
        List<IpPrefix> subnets = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String field = SUBNETS + "[" + i + "]";
            JsonNode item = node.get(i);
            IpPrefix subnet;
            try {
                subnet = IpPrefix.valueOf(item.asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(field, "not an IPv4 prefix: " + item);
            }
            if (!item.isTextual() || !subnet.isIp4() || !item.asText().startsWith(subnet.address().toString() + "/")) {
                throw new InvalidFieldException(field, "must be an IPv4 prefix with no host bits set (like "
                        + subnet + "), got " + item);
            }
            for (IpPrefix earlier : subnets) {
                if (earlier.contains(subnet) || subnet.contains(earlier)) {
                    throw new InvalidFieldException(field, subnet + " overlaps " + earlier);
                }
            }
            subnets.add(subnet);
        }
        return subnets;
    }

    private Set<PortNumber> parseHostPorts() {
        JsonNode node = object.path(HOST_PORTS);
        if (node.isMissingNode()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new InvalidFieldException(HOST_PORTS, "must be a list of port numbers");
        }
        Set<PortNumber> ports = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = HOST_PORTS + "[" + i + "]";
            if (!item.isIntegralNumber() || item.asLong() < 1 || item.asLong() > MAX_PORT) {
                throw new InvalidFieldException(field, "must be a port number 1.." + MAX_PORT + ", got " + item);
            }
            if (item.asLong() == CPU_PORT) {
                throw new InvalidFieldException(field, "port 255 is the CPU port");
            }
            if (!ports.add(PortNumber.portNumber(item.asLong()))) {
                throw new InvalidFieldException(field, "port " + item.asLong() + " is listed twice");
            }
        }
        return ports;
    }

    private JsonNode mandatory(String field) {
        JsonNode node = object.path(field);
        if (node.isMissingNode() || node.isNull()) {
            throw new InvalidFieldException(field, "missing mandatory field");
        }
        return node;
    }
}
