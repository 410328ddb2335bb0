package org.metrofabric.fabric.app.planner;

import java.util.Objects;
import org.onlab.packet.IpPrefix;

/**
 * A path_pinning entry at a leaf: traffic from {@code src} to {@code dst} leaves by the pinned
 * uplink instead of the ECMP choice. Longer prefixes win, so the priority is the sum of lengths.
 */
public final class PathPin {
    private final String intentName;
    private final IpPrefix src;
    private final IpPrefix dst;
    private final NextHop nextHop;

    public PathPin(String intentName, IpPrefix src, IpPrefix dst, NextHop nextHop) {
        this.intentName = Objects.requireNonNull(intentName, "intentName");
        this.src = Objects.requireNonNull(src, "src");
        this.dst = Objects.requireNonNull(dst, "dst");
        this.nextHop = Objects.requireNonNull(nextHop, "nextHop");
    }

    public String intentName() {
        return intentName;
    }

    public IpPrefix src() {
        return src;
    }

    public IpPrefix dst() {
        return dst;
    }

    public NextHop nextHop() {
        return nextHop;
    }

    public int priority() {
        return src.prefixLength() + dst.prefixLength();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PathPin)) {
            return false;
        }
        PathPin that = (PathPin) o;
        return intentName.equals(that.intentName) && src.equals(that.src) && dst.equals(that.dst) && nextHop.equals(that.nextHop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intentName, src, dst, nextHop);
    }

    @Override
    public String toString() {
        return intentName + ": " + src + " -> " + dst + " via " + nextHop;
    }
}
