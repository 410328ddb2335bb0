package org.metrofabric.fabric.api;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A single-hop path from a user endpoint (on an access leaf) to a cloud endpoint (on an edge- or
 * core-cloud leaf), with an optional one-way latency budget and an optional bandwidth to reserve
 * in each direction.
 */
public final class PathIntent {
    private final String name;
    private final Endpoint user;
    private final Endpoint cloud;
    private final Long latencyBudgetMicros;
    private final long bandwidthMbps;

    /**
     * @param latencyBudgetMicros the budget, or null for none
     * @param bandwidthMbps       bandwidth to reserve; 0 for best effort
     */
    public PathIntent(String name, Endpoint user, Endpoint cloud, Long latencyBudgetMicros, long bandwidthMbps) {
        this.name = Objects.requireNonNull(name, "name");
        this.user = Objects.requireNonNull(user, "user");
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        if (latencyBudgetMicros != null && latencyBudgetMicros <= 0) {
            throw new IllegalArgumentException("latency budget must be > 0 us");
        }
        if (bandwidthMbps < 0) {
            throw new IllegalArgumentException("bandwidth must be >= 0 Mb/s");
        }
        this.latencyBudgetMicros = latencyBudgetMicros;
        this.bandwidthMbps = bandwidthMbps;
    }

    public String name() {
        return name;
    }

    public Endpoint user() {
        return user;
    }

    public Endpoint cloud() {
        return cloud;
    }

    public OptionalLong latencyBudgetMicros() {
        return latencyBudgetMicros == null ? OptionalLong.empty() : OptionalLong.of(latencyBudgetMicros);
    }

    /** The budget in nanoseconds, or {@link Long#MAX_VALUE} when there is none. */
    public long latencyBudgetNanos() {
        return latencyBudgetMicros == null ? Long.MAX_VALUE : latencyBudgetMicros * 1_000L;
    }

    public long bandwidthMbps() {
        return bandwidthMbps;
    }

    /** This intent in the shared intent syntax (see {@link PathIntentParser}). */
    public String toCommand() {
        StringBuilder command = new StringBuilder(PathIntentParser.COMMAND).append(' ')
                .append(name).append(' ').append(user).append(' ').append(cloud);
        if (latencyBudgetMicros != null) {
            command.append(' ').append(PathIntentParser.LATENCY_OPTION).append(' ').append(latencyBudgetMicros);
        }
        if (bandwidthMbps > 0) {
            command.append(' ').append(PathIntentParser.BANDWIDTH_OPTION).append(' ').append(bandwidthMbps);
        }
        return command.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PathIntent)) {
            return false;
        }
        PathIntent that = (PathIntent) o;
        return bandwidthMbps == that.bandwidthMbps && name.equals(that.name) && user.equals(that.user)
                && cloud.equals(that.cloud) && Objects.equals(latencyBudgetMicros, that.latencyBudgetMicros);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, user, cloud, latencyBudgetMicros, bandwidthMbps);
    }

    @Override
    public String toString() {
        return toCommand();
    }
}
