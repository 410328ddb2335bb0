package org.metrofabric.fabric.app.planner;

/** Why a path intent could not be placed. */
public enum Constraint {
    /** An endpoint is unknown, or on the wrong kind of leaf. */
    ENDPOINT,
    /** Another intent already pins the same user and cloud prefixes. */
    DUPLICATE_PATH,
    /** No live spine links the two leaves. */
    NO_PATH,
    /** Every live path is slower than the budget; the amount is the smallest excess in ns. */
    LATENCY,
    /** Every path within the budget lacks free bandwidth; the amount is the smallest shortfall in Mb/s. */
    BANDWIDTH,
    /** An end leaf's path_pinning table has no free entry; the amount is the entries missing (1). */
    TABLE_SPACE
}
