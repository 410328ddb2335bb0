package org.metrofabric.fabric.testing;

import java.util.HashMap;
import java.util.Map;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.ConsistentMapBuilder;
import org.onosproject.store.service.TestConsistentMap;
import org.onosproject.store.service.TestStorageService;

/**
 * ONOS's TestStorageService builds a new map on every build(); a cluster shares one map per name.
 * This one hands every builder of the same name the same map, so several app instances given this
 * service behave like instances of one cluster.
 */
public final class SharedStorageService extends TestStorageService {
    private final Map<String, ConsistentMap<?, ?>> maps = new HashMap<>();

    @Override
    public <K, V> ConsistentMapBuilder<K, V> consistentMapBuilder() {
        return new TestConsistentMap.Builder<K, V>() {
            @Override
            @SuppressWarnings("unchecked")
            public ConsistentMap<K, V> build() {
                synchronized (maps) {
                    return (ConsistentMap<K, V>) maps.computeIfAbsent(name(), n -> super.build());
                }
            }
        };
    }
}
