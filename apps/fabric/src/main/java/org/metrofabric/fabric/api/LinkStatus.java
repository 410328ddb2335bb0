package org.metrofabric.fabric.api;

import java.util.Objects;

/** A spine-leaf link with the bandwidth path intents hold on it. */
public final class LinkStatus {
    private final FabricLink link;
    private final long reservedMbps;

    public LinkStatus(FabricLink link, long reservedMbps) {
        this.link = Objects.requireNonNull(link, "link");
        this.reservedMbps = reservedMbps;
    }

    public FabricLink link() {
        return link;
    }

    /** Mb/s reserved in each direction. */
    public long reservedMbps() {
        return reservedMbps;
    }

    public long freeMbps() {
        return link.capacityMbps() - reservedMbps;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof LinkStatus && link.equals(((LinkStatus) o).link)
                && reservedMbps == ((LinkStatus) o).reservedMbps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(link, reservedMbps);
    }

    @Override
    public String toString() {
        return link + " reserved " + reservedMbps + " Mb/s";
    }
}
