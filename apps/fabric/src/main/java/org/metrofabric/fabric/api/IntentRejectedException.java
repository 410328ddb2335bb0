package org.metrofabric.fabric.api;

import java.util.Objects;

/** A path intent the fabric will not admit: which constraint stopped it, by how much, and why. */
public final class IntentRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The constraint of a name that is already in use. */
    public static final String NAME_TAKEN = "NAME";

    private final String intentName;
    private final String constraint;
    private final long amount;
    private final String reason;

    /**
     * @param constraint ENDPOINT, DUPLICATE_PATH, NO_PATH, LATENCY, BANDWIDTH, TABLE_SPACE or {@link #NAME_TAKEN}
     * @param amount     for LATENCY the excess in ns, for BANDWIDTH the shortfall in Mb/s; 0 otherwise
     */
    public IntentRejectedException(String intentName, String constraint, long amount, String reason) {
        super("intent " + intentName + " rejected: " + constraint + ": " + reason);
        this.intentName = Objects.requireNonNull(intentName, "intentName");
        this.constraint = Objects.requireNonNull(constraint, "constraint");
        this.amount = amount;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String intentName() {
        return intentName;
    }

    public String constraint() {
        return constraint;
    }

    public long amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }
}
