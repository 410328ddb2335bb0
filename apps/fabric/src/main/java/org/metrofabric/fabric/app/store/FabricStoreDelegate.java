package org.metrofabric.fabric.app.store;

import org.metrofabric.fabric.api.FabricEvent;
import org.onosproject.store.StoreDelegate;

/** Told when the stored intents change, by this instance or by another one in the cluster. */
public interface FabricStoreDelegate extends StoreDelegate<FabricEvent> {
}
