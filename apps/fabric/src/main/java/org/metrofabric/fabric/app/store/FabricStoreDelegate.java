package org.metrofabric.fabric.app.store;

/** Told when the stored intents change, by this instance or by another one in the cluster. */
public interface FabricStoreDelegate {
    void intentsChanged();
}
