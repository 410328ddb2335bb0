package org.metrofabric.fabric.app.planner;

import java.util.Comparator;
import java.util.Objects;
import org.onlab.packet.MacAddress;
import org.onosproject.net.PortNumber;

/** Where a routed packet leaves and how its Ethernet header is rewritten (metro.p4 set_next_hop). */
public final class NextHop implements Comparable<NextHop> {
    private static final Comparator<NextHop> ORDER = Comparator
            .comparingLong((NextHop n) -> n.port.toLong())
            .thenComparingLong(n -> n.dstMac.toLong())
            .thenComparingLong(n -> n.srcMac.toLong());

    private final PortNumber port;
    private final MacAddress srcMac;
    private final MacAddress dstMac;
    /** Groups of many next hops are hashed for every route that uses them. */
    private final int hash;

    public NextHop(PortNumber port, MacAddress srcMac, MacAddress dstMac) {
        this.port = Objects.requireNonNull(port, "port");
        this.srcMac = Objects.requireNonNull(srcMac, "srcMac");
        this.dstMac = Objects.requireNonNull(dstMac, "dstMac");
        this.hash = Objects.hash(port, srcMac, dstMac);
    }

    public PortNumber port() {
        return port;
    }

    /** This switch's router MAC. */
    public MacAddress srcMac() {
        return srcMac;
    }

    /** The next switch's router MAC, or the host's MAC. */
    public MacAddress dstMac() {
        return dstMac;
    }

    @Override
    public int compareTo(NextHop other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NextHop)) {
            return false;
        }
        NextHop that = (NextHop) o;
        return hash == that.hash && port.equals(that.port) && srcMac.equals(that.srcMac) && dstMac.equals(that.dstMac);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "port " + port + " to " + dstMac;
    }
}
