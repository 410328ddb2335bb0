package org.metrofabric.fabric.app.planner;

import java.util.Objects;
import org.metrofabric.fabric.api.LinkId;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.DeviceId;

/** The placed path: the endpoints as resolved, and the spine with its two links. */
public final class PlacedPath {
    private final IpPrefix userPrefix;
    private final IpPrefix cloudPrefix;
    private final DeviceId spine;
    private final LinkId userLink;
    private final LinkId cloudLink;
    private final long latencyNanos;
    /** Indexes of the two links in the snapshot this path was planned on; a lookup hint only. */
    private final int userLinkHint;
    private final int cloudLinkHint;

    public PlacedPath(IpPrefix userPrefix, IpPrefix cloudPrefix, DeviceId spine, LinkId userLink, LinkId cloudLink,
                      long latencyNanos) {
        this(userPrefix, cloudPrefix, spine, userLink, cloudLink, latencyNanos, -1, -1);
    }

    PlacedPath(IpPrefix userPrefix, IpPrefix cloudPrefix, DeviceId spine, LinkId userLink, LinkId cloudLink,
               long latencyNanos, int userLinkHint, int cloudLinkHint) {
        this.userPrefix = Objects.requireNonNull(userPrefix);
        this.cloudPrefix = Objects.requireNonNull(cloudPrefix);
        this.spine = Objects.requireNonNull(spine);
        this.userLink = Objects.requireNonNull(userLink);
        this.cloudLink = Objects.requireNonNull(cloudLink);
        this.latencyNanos = latencyNanos;
        this.userLinkHint = userLinkHint;
        this.cloudLinkHint = cloudLinkHint;
    }

    int userLinkHint() {
        return userLinkHint;
    }

    int cloudLinkHint() {
        return cloudLinkHint;
    }

    public IpPrefix userPrefix() {
        return userPrefix;
    }

    public IpPrefix cloudPrefix() {
        return cloudPrefix;
    }

    public DeviceId spine() {
        return spine;
    }

    /** The access leaf's link to the spine. */
    public LinkId userLink() {
        return userLink;
    }

    /** The spine's link to the cloud leaf. */
    public LinkId cloudLink() {
        return cloudLink;
    }

    public DeviceId userLeaf() {
        return userLink.leaf();
    }

    public DeviceId cloudLeaf() {
        return cloudLink.leaf();
    }

    /** One-way latency: both links plus the switching term of the three switches crossed. */
    public long latencyNanos() {
        return latencyNanos;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PlacedPath)) {
            return false;
        }
        PlacedPath that = (PlacedPath) o;
        return latencyNanos == that.latencyNanos && userPrefix.equals(that.userPrefix)
                && cloudPrefix.equals(that.cloudPrefix) && spine.equals(that.spine)
                && userLink.equals(that.userLink) && cloudLink.equals(that.cloudLink);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userPrefix, cloudPrefix, spine, userLink, cloudLink, latencyNanos);
    }

    @Override
    public String toString() {
        return "via " + spine + " (" + latencyNanos / 1_000.0 + " us)";
    }
}
