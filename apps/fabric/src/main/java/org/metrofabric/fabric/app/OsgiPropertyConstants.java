package org.metrofabric.fabric.app;

/**
 * Names and defaults of {@link FabricManager}'s component properties
 * ({@code cfg set org.metrofabric.fabric.app.FabricManager NAME VALUE}).
 */
public final class OsgiPropertyConstants {
    /** Forwarding latency the path planner adds for each switch on a path, in ns (>= 0). */
    public static final String SWITCHING_LATENCY_NANOS = "switchingLatencyNanos";
    /** The planner's own default (PathPlanner.DEFAULT_SWITCHING_NANOS); a literal so ONOS's cfgdef generator reads it. */
    public static final long SWITCHING_LATENCY_NANOS_DEFAULT = 5000;

    private OsgiPropertyConstants() {
    }
}
