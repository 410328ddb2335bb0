package org.metrofabric.onostesting;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.onosproject.store.service.AsyncAtomicValue;
import org.onosproject.store.service.AsyncDistributedSet;
import org.onosproject.store.service.AtomicValueBuilder;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.ConsistentMapBuilder;
import org.onosproject.store.service.ConsistentMultimap;
import org.onosproject.store.service.ConsistentMultimapBuilder;
import org.onosproject.store.service.DistributedSetBuilder;
import org.onosproject.store.service.EventuallyConsistentMap;
import org.onosproject.store.service.EventuallyConsistentMapBuilder;
import org.onosproject.store.service.TestAtomicValue;
import org.onosproject.store.service.TestConsistentMap;
import org.onosproject.store.service.TestConsistentMultimap;
import org.onosproject.store.service.TestDistributedSet;
import org.onosproject.store.service.TestEventuallyConsistentMap;
import org.onosproject.store.service.TestStorageService;

/**
 * ONOS's in-memory {@link TestStorageService}, made to behave like one cluster store: it builds
 * each named primitive once and hands the same one to every instance that asks for that name
 * (the plain test service builds a fresh, unshared map on every call).
 */
public final class SharedStorageService extends TestStorageService {
    private final Map<String, Object> primitives = new HashMap<>();

    @SuppressWarnings("unchecked")
    private synchronized <T> T shared(String kind, String name, Supplier<T> build) {
        if (name == null) {
            return build.get();
        }
        return (T) primitives.computeIfAbsent(kind + ":" + name, key -> build.get());
    }

    @Override
    public <K, V> ConsistentMapBuilder<K, V> consistentMapBuilder() {
        return new TestConsistentMap.Builder<K, V>() {
            @Override
            public ConsistentMap<K, V> build() {
                return shared("consistent-map", name(), super::build);
            }
        };
    }

    @Override
    public <K, V> EventuallyConsistentMapBuilder<K, V> eventuallyConsistentMapBuilder() {
        return new TestEventuallyConsistentMap.Builder<K, V>() {
            private String name;

            @Override
            public EventuallyConsistentMapBuilder<K, V> withName(String mapName) {
                this.name = mapName;
                return super.withName(mapName);
            }

            @Override
            public EventuallyConsistentMap<K, V> build() {
                return shared("ec-map", name, super::build);
            }
        };
    }

    @Override
    public <E> DistributedSetBuilder<E> setBuilder() {
        return new TestDistributedSet.Builder<E>() {
            @Override
            public AsyncDistributedSet<E> build() {
                return shared("set", name(), super::build);
            }
        };
    }

    @Override
    public <K, V> ConsistentMultimapBuilder<K, V> consistentMultimapBuilder() {
        return new TestConsistentMultimap.Builder<K, V>() {
            @Override
            public ConsistentMultimap<K, V> build() {
                return shared("multimap", name(), super::build);
            }
        };
    }

    @Override
    public <V> AtomicValueBuilder<V> atomicValueBuilder() {
        return new TestAtomicValue.Builder() {
            @Override
            public AsyncAtomicValue build() {
                return shared("atomic-value", name(), super::build);
            }
        };
    }
}
