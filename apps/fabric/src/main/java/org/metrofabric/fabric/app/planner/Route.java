package org.metrofabric.fabric.app.planner;

import java.util.Objects;
import org.onlab.packet.IpPrefix;

/** A routing_v4 entry: a destination prefix to one next hop, or to an ECMP group of uplinks. */
public final class Route {
    private final IpPrefix prefix;
    private final NextHop nextHop;
    private final EcmpGroup group;

    private Route(IpPrefix prefix, NextHop nextHop, EcmpGroup group) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.nextHop = nextHop;
        this.group = group;
    }

    public static Route toNextHop(IpPrefix prefix, NextHop nextHop) {
        return new Route(prefix, Objects.requireNonNull(nextHop, "nextHop"), null);
    }

    public static Route toGroup(IpPrefix prefix, EcmpGroup group) {
        return new Route(prefix, null, Objects.requireNonNull(group, "group"));
    }

    public IpPrefix prefix() {
        return prefix;
    }

    /** @return the single next hop; null when the route uses a group */
    public NextHop nextHop() {
        return nextHop;
    }

    /** @return the ECMP group; null when the route has a single next hop */
    public EcmpGroup group() {
        return group;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Route)) {
            return false;
        }
        Route that = (Route) o;
        return prefix.equals(that.prefix) && Objects.equals(nextHop, that.nextHop) && Objects.equals(group, that.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, nextHop, group);
    }

    @Override
    public String toString() {
        return prefix + " -> " + (group != null ? group : nextHop);
    }
}
