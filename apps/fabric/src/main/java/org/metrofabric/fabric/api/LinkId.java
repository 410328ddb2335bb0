package org.metrofabric.fabric.api;

import java.util.Objects;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;

/** Names a full-duplex spine-leaf link by its two ports, spine side first. */
public final class LinkId {
    private final ConnectPoint spinePort;
    private final ConnectPoint leafPort;
    /** Planners look links up by id in hot loops; ConnectPoint hashing allocates. */
    private final int hash;

    public LinkId(ConnectPoint spinePort, ConnectPoint leafPort) {
        this.spinePort = Objects.requireNonNull(spinePort, "spinePort");
        this.leafPort = Objects.requireNonNull(leafPort, "leafPort");
        // Spine and leaf names differ only in trailing digits: mix so that hash buckets spread.
        this.hash = spinePort.hashCode() * 0x9E3779B1 ^ leafPort.hashCode();
    }

    public ConnectPoint spinePort() {
        return spinePort;
    }

    public ConnectPoint leafPort() {
        return leafPort;
    }

    public DeviceId spine() {
        return spinePort.deviceId();
    }

    public DeviceId leaf() {
        return leafPort.deviceId();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinkId)) {
            return false;
        }
        LinkId that = (LinkId) o;
        return hash == that.hash && spinePort.equals(that.spinePort) && leafPort.equals(that.leafPort);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return spinePort + "-" + leafPort;
    }
}
