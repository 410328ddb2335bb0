package org.metrofabric.fabric.api;

import java.util.Objects;
import org.onosproject.net.DeviceId;

/**
 * An intent as the fabric holds it: its state and, when INSTALLED, the spine it is pinned to,
 * the computed one-way latency and the bandwidth reserved on each of its links; otherwise the
 * reason it is not installed.
 */
public final class IntentStatus {
    private final PathIntent intent;
    private final IntentState state;
    private final DeviceId spine;
    private final long latencyNanos;
    private final long reservedMbps;
    private final String reason;

    private IntentStatus(PathIntent intent, IntentState state, DeviceId spine, long latencyNanos, long reservedMbps,
                         String reason) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.state = Objects.requireNonNull(state, "state");
        this.spine = spine;
        this.latencyNanos = latencyNanos;
        this.reservedMbps = reservedMbps;
        this.reason = reason;
    }

    public static IntentStatus installed(PathIntent intent, DeviceId spine, long latencyNanos) {
        return new IntentStatus(intent, IntentState.INSTALLED, Objects.requireNonNull(spine, "spine"), latencyNanos,
                intent.bandwidthMbps(), null);
    }

    /** DEGRADED or REJECTED, with the reason in words. */
    public static IntentStatus notInstalled(PathIntent intent, IntentState state, String reason) {
        if (state == IntentState.INSTALLED) {
            throw new IllegalArgumentException("an installed intent has a spine, not a reason");
        }
        return new IntentStatus(intent, state, null, 0, 0, Objects.requireNonNull(reason, "reason"));
    }

    public PathIntent intent() {
        return intent;
    }

    public String name() {
        return intent.name();
    }

    public IntentState state() {
        return state;
    }

    /** @return the spine the path crosses; null unless INSTALLED */
    public DeviceId spine() {
        return spine;
    }

    /** One-way path latency in ns; 0 unless INSTALLED. */
    public long latencyNanos() {
        return latencyNanos;
    }

    /** Mb/s held on each link of the path (both directions); 0 unless INSTALLED. */
    public long reservedMbps() {
        return reservedMbps;
    }

    /** @return why the intent is not installed; null when INSTALLED */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IntentStatus)) {
            return false;
        }
        IntentStatus that = (IntentStatus) o;
        return latencyNanos == that.latencyNanos && reservedMbps == that.reservedMbps && intent.equals(that.intent)
                && state == that.state && Objects.equals(spine, that.spine) && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intent, state, spine, latencyNanos, reservedMbps, reason);
    }

    @Override
    public String toString() {
        return intent.name() + " " + state + (spine != null ? " via " + spine : " (" + reason + ")");
    }
}
