package org.metrofabric.fabric.api;

import java.util.Objects;

/** A spine-leaf link: capacity per direction, one-way latency, and whether it is up. */
public final class FabricLink {
    private final LinkId id;
    private final long capacityMbps;
    private final long latencyNanos;
    private final boolean up;

    public FabricLink(LinkId id, long capacityMbps, long latencyNanos, boolean up) {
        this.id = Objects.requireNonNull(id, "id");
        if (capacityMbps < 0 || latencyNanos < 0) {
            throw new IllegalArgumentException("link " + id + ": capacity and latency must be >= 0");
        }
        this.capacityMbps = capacityMbps;
        this.latencyNanos = latencyNanos;
        this.up = up;
    }

    public FabricLink withUp(boolean isUp) {
        return new FabricLink(id, capacityMbps, latencyNanos, isUp);
    }

    public LinkId id() {
        return id;
    }

    public long capacityMbps() {
        return capacityMbps;
    }

    public long latencyNanos() {
        return latencyNanos;
    }

    public boolean isUp() {
        return up;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FabricLink)) {
            return false;
        }
        FabricLink that = (FabricLink) o;
        return capacityMbps == that.capacityMbps && latencyNanos == that.latencyNanos && up == that.up && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, capacityMbps, latencyNanos, up);
    }

    @Override
    public String toString() {
        return id + " " + capacityMbps + " Mb/s " + latencyNanos + " ns" + (up ? "" : " DOWN");
    }
}
