package org.metrofabric.fabric.app.store;

import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.app.planner.PathDecision;

/** The service's view of a planner decision. */
public final class IntentStatuses {
    private IntentStatuses() {
    }

    public static IntentStatus of(PathDecision decision) {
        if (decision.state() == IntentState.INSTALLED) {
            return IntentStatus.installed(decision.intent(), decision.path().spine(), decision.path().latencyNanos());
        }
        return IntentStatus.notInstalled(decision.intent(), decision.state(), decision.reason().toString());
    }
}
