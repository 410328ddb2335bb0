package org.metrofabric.fabric.api;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;

/** A fabric switch as the planners see it: role, router MAC, and for a leaf its kind, subnets and host ports. */
public final class FabricDevice {
    private final DeviceId id;
    private final DeviceRole role;
    private final LeafKind leafKind;
    private final MacAddress routerMac;
    private final List<IpPrefix> subnets;
    private final Set<PortNumber> hostPorts;
    private final boolean up;

    private FabricDevice(DeviceId id, DeviceRole role, LeafKind leafKind, MacAddress routerMac,
                         List<IpPrefix> subnets, Set<PortNumber> hostPorts, boolean up) {
        this.id = Objects.requireNonNull(id, "id");
        this.role = Objects.requireNonNull(role, "role");
        this.leafKind = leafKind;
        this.routerMac = Objects.requireNonNull(routerMac, "routerMac");
        this.subnets = List.copyOf(subnets);
        TreeSet<PortNumber> sortedPorts = new TreeSet<>(Comparator.comparingLong(PortNumber::toLong));
        sortedPorts.addAll(hostPorts);
        this.hostPorts = Collections.unmodifiableSet(sortedPorts);
        this.up = up;
    }

    public static FabricDevice spine(DeviceId id, MacAddress routerMac, boolean up) {
        return new FabricDevice(id, DeviceRole.SPINE, null, routerMac, List.of(), Set.of(), up);
    }

    public static FabricDevice leaf(DeviceId id, LeafKind kind, MacAddress routerMac, List<IpPrefix> subnets,
                                    Set<PortNumber> hostPorts, boolean up) {
        return new FabricDevice(id, DeviceRole.LEAF, Objects.requireNonNull(kind, "leafKind"), routerMac,
                subnets, hostPorts, up);
    }

    public FabricDevice withUp(boolean isUp) {
        return new FabricDevice(id, role, leafKind, routerMac, subnets, hostPorts, isUp);
    }

    public DeviceId id() {
        return id;
    }

    public DeviceRole role() {
        return role;
    }

    public boolean isSpine() {
        return role == DeviceRole.SPINE;
    }

    /** @return the leaf's kind; null for a spine */
    public LeafKind leafKind() {
        return leafKind;
    }

    public MacAddress routerMac() {
        return routerMac;
    }

    public List<IpPrefix> subnets() {
        return subnets;
    }

    public Set<PortNumber> hostPorts() {
        return hostPorts;
    }

    public boolean isUp() {
        return up;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FabricDevice)) {
            return false;
        }
        FabricDevice that = (FabricDevice) o;
        return up == that.up && id.equals(that.id) && role == that.role && leafKind == that.leafKind
                && routerMac.equals(that.routerMac) && subnets.equals(that.subnets) && hostPorts.equals(that.hostPorts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, role, leafKind, routerMac, subnets, hostPorts, up);
    }

    @Override
    public String toString() {
        return id + (isSpine() ? " spine" : " leaf " + leafKind.configName() + " " + subnets) + (up ? "" : " DOWN");
    }
}
