package org.metrofabric.fabric.api;

import java.util.List;
import java.util.Optional;
import org.onosproject.event.ListenerService;

/**
 * Reads the fabric and its path intents; every controller instance gives the same answers, and
 * tells its listeners about intent changes made by any instance.
 */
public interface FabricService extends ListenerService<FabricEvent, FabricListener> {

    /** Every path intent, in the order they were admitted. */
    List<IntentStatus> intents();

    /** @return the intent with this name, if there is one */
    Optional<IntentStatus> intent(String name);

    /** Roles, link states and per-link reservations. */
    FabricView fabric();
}
