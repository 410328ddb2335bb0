package org.metrofabric.fabric.app.store;

import java.util.Objects;
import org.metrofabric.fabric.app.planner.PathDecision;

/** An admitted intent with the planner's latest decision, and its admission order in the cluster. */
public final class StoredIntent {
    private final long sequence;
    private final PathDecision decision;

    public StoredIntent(long sequence, PathDecision decision) {
        this.sequence = sequence;
        this.decision = Objects.requireNonNull(decision, "decision");
    }

    /** Admission order: the planner places intents admitted earlier first. */
    public long sequence() {
        return sequence;
    }

    public PathDecision decision() {
        return decision;
    }

    public StoredIntent withDecision(PathDecision newDecision) {
        return new StoredIntent(sequence, newDecision);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof StoredIntent && sequence == ((StoredIntent) o).sequence
                && decision.equals(((StoredIntent) o).decision));
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, decision);
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + decision;
    }
}
