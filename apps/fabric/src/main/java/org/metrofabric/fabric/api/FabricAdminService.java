package org.metrofabric.fabric.api;

/** Adds and removes path intents. */
public interface FabricAdminService extends FabricService {

    /**
     * Admits a path intent: the planner places it against the current topology and reservations,
     * it is stored for the whole cluster and the switches are programmed.
     *
     * @return the intent's status, INSTALLED
     * @throws IntentRejectedException when no spine meets the intent's SLA, an endpoint is not
     *                                 usable or the name is taken; then nothing is stored or written
     */
    IntentStatus addIntent(PathIntent intent);

    /**
     * Removes an intent and frees its reservation.
     *
     * @return false when there was no intent of that name (nothing changes)
     */
    boolean removeIntent(String name);
}
