package org.metrofabric.fabric.api;

import org.onosproject.event.EventListener;

/** Told about path intent changes; called on a store thread, so it must return quickly. */
public interface FabricListener extends EventListener<FabricEvent> {
}
