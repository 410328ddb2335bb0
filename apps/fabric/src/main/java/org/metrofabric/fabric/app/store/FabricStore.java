package org.metrofabric.fabric.app.store;

import java.util.Collection;
import java.util.List;
import org.metrofabric.fabric.app.planner.PathDecision;

/** The admitted path intents of the cluster, each with the planner's latest decision. */
public interface FabricStore {

    /** Every stored decision, in admission order. */
    List<PathDecision> decisions();

    /** @return the decision for this intent, or null when no such intent is stored */
    PathDecision decision(String name);

    /**
     * Stores a newly admitted intent after all others.
     *
     * @return false, storing nothing, when an intent of that name exists
     */
    boolean add(PathDecision decision);

    /** @return false when there was no intent of that name */
    boolean remove(String name);

    /**
     * Replaces the decisions of stored intents that differ, keeping their admission order. A
     * decision for an intent no longer stored (removed meanwhile) is ignored, so a re-plan never
     * brings a removed intent back. Unchanged decisions are not written.
     */
    void update(Collection<PathDecision> decisions);

    void setDelegate(FabricStoreDelegate delegate);
}
