package org.metrofabric.fabric.app.planner;

import java.util.Objects;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.PathIntent;

/**
 * What the planner decided for one intent. INSTALLED: the spine, both links, the computed
 * latency and the reserved bandwidth. DEGRADED or REJECTED: the reason.
 */
public final class PathDecision {
    private final PathIntent intent;
    private final IntentState state;
    private final PlacedPath path;
    private final Rejection reason;

    private PathDecision(PathIntent intent, IntentState state, PlacedPath path, Rejection reason) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.state = Objects.requireNonNull(state, "state");
        this.path = path;
        this.reason = reason;
    }

    public static PathDecision installed(PathIntent intent, PlacedPath path) {
        return new PathDecision(intent, IntentState.INSTALLED, Objects.requireNonNull(path, "path"), null);
    }

    public static PathDecision degraded(PathIntent intent, Rejection reason) {
        return new PathDecision(intent, IntentState.DEGRADED, null, Objects.requireNonNull(reason, "reason"));
    }

    public static PathDecision rejected(PathIntent intent, Rejection reason) {
        return new PathDecision(intent, IntentState.REJECTED, null, Objects.requireNonNull(reason, "reason"));
    }

    public PathIntent intent() {
        return intent;
    }

    public IntentState state() {
        return state;
    }

    /** @return the placed path; null unless INSTALLED */
    public PlacedPath path() {
        return path;
    }

    /** @return why the intent is not installed; null when INSTALLED */
    public Rejection reason() {
        return reason;
    }

    /** Bandwidth held on each of the path's links: the intent's, when INSTALLED; otherwise none. */
    public long reservedMbps() {
        return state == IntentState.INSTALLED ? intent.bandwidthMbps() : 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PathDecision)) {
            return false;
        }
        PathDecision that = (PathDecision) o;
        return intent.equals(that.intent) && state == that.state && Objects.equals(path, that.path)
                && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intent, state, path, reason);
    }

    @Override
    public String toString() {
        return intent.name() + " " + state + " " + (path != null ? path : reason);
    }
}
