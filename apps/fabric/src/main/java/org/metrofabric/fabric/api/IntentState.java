package org.metrofabric.fabric.api;

/** Where a path intent stands. */
public enum IntentState {
    /** Pinned to a spine; its SLA holds and its bandwidth is reserved. */
    INSTALLED,
    /** Was installed, but after a failure no spine meets its SLA: forwarded by ECMP, nothing reserved. */
    DEGRADED,
    /** Could not be admitted; it changed nothing and is not stored. */
    REJECTED
}
