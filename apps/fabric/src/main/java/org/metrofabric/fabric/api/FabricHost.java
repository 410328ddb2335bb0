package org.metrofabric.fabric.api;

import java.util.Objects;
import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onosproject.net.ConnectPoint;

/** A host attached to a leaf port. */
public final class FabricHost {
    private final String name;
    private final MacAddress mac;
    private final IpAddress ip;
    private final ConnectPoint location;

    public FabricHost(String name, MacAddress mac, IpAddress ip, ConnectPoint location) {
        this.name = Objects.requireNonNull(name, "name");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.ip = Objects.requireNonNull(ip, "ip");
        this.location = Objects.requireNonNull(location, "location");
    }

    public String name() {
        return name;
    }

    public MacAddress mac() {
        return mac;
    }

    public IpAddress ip() {
        return ip;
    }

    public ConnectPoint location() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FabricHost)) {
            return false;
        }
        FabricHost that = (FabricHost) o;
        return name.equals(that.name) && mac.equals(that.mac) && ip.equals(that.ip) && location.equals(that.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mac, ip, location);
    }

    @Override
    public String toString() {
        return name + " " + ip + " " + mac + " at " + location;
    }
}
