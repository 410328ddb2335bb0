package org.metrofabric.fabric.api;

import org.onosproject.event.AbstractEvent;

/** A path intent was admitted, changed state or path, or was removed, on any controller instance. */
public final class FabricEvent extends AbstractEvent<FabricEvent.Type, IntentStatus> {

    public enum Type {
        INTENT_ADDED,
        /** New state (INSTALLED/DEGRADED), spine, latency or reason. */
        INTENT_UPDATED,
        /** The subject is the intent as it was last. */
        INTENT_REMOVED
    }

    public FabricEvent(Type type, IntentStatus subject) {
        super(type, subject);
    }
}
