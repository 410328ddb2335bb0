package org.metrofabric.fabric.app.planner;

import java.util.Objects;

/** Which constraint stopped a placement, by how much, and a sentence for the operator. */
public final class Rejection {
    private final Constraint constraint;
    private final long amount;
    private final String message;

    public Rejection(Constraint constraint, long amount, String message) {
        this.constraint = Objects.requireNonNull(constraint, "constraint");
        this.amount = amount;
        this.message = Objects.requireNonNull(message, "message");
    }

    public Constraint constraint() {
        return constraint;
    }

    /** For LATENCY the excess in ns, for BANDWIDTH the shortfall in Mb/s; 0 otherwise. */
    public long amount() {
        return amount;
    }

    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Rejection)) {
            return false;
        }
        Rejection that = (Rejection) o;
        return amount == that.amount && constraint == that.constraint && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(constraint, amount, message);
    }

    @Override
    public String toString() {
        return constraint + ": " + message;
    }
}
