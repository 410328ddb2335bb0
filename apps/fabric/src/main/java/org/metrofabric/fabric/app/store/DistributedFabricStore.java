package org.metrofabric.fabric.app.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.metrofabric.fabric.api.FabricEvent;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.app.planner.PathDecision;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.MapEvent;
import org.onosproject.store.service.MapEventListener;
import org.onosproject.store.service.StorageService;
import org.onosproject.store.service.Versioned;

/**
 * Intents in one ConsistentMap (name to {@link StoredIntent}), so every controller instance sees
 * the same intents and is told when another instance changes them.
 */
public final class DistributedFabricStore implements FabricStore {
    static final String MAP_NAME = "metrofabric-intents";

    private static final Comparator<StoredIntent> ADMISSION_ORDER = Comparator
            .comparingLong(StoredIntent::sequence)
            .thenComparing(stored -> stored.decision().intent().name());

    private final ConsistentMap<String, StoredIntent> intents;
    private final MapEventListener<String, StoredIntent> listener = this::notifyDelegate;
    private volatile FabricStoreDelegate delegate;

    public DistributedFabricStore(StorageService storage) {
        this.intents = storage.<String, StoredIntent>consistentMapBuilder()
                .withName(MAP_NAME)
                .withSerializer(FabricSerializers.SERIALIZER)
                .build();
        intents.addListener(listener);
    }

    /** Stops telling the delegate about changes. */
    public void close() {
        intents.removeListener(listener);
        delegate = null;
    }

    @Override
    public void setDelegate(FabricStoreDelegate delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<PathDecision> decisions() {
        List<StoredIntent> stored = new ArrayList<>();
        for (Versioned<StoredIntent> value : intents.values()) {
            stored.add(value.value());
        }
        stored.sort(ADMISSION_ORDER);
        List<PathDecision> decisions = new ArrayList<>(stored.size());
        stored.forEach(s -> decisions.add(s.decision()));
        return decisions;
    }

    @Override
    public PathDecision decision(String name) {
        Versioned<StoredIntent> stored = intents.get(name);
        return stored == null ? null : stored.value().decision();
    }

    @Override
    public boolean add(PathDecision decision) {
        long next = 1;
        for (Versioned<StoredIntent> value : intents.values()) {
            next = Math.max(next, value.value().sequence() + 1);
        }
        return intents.putIfAbsent(decision.intent().name(), new StoredIntent(next, decision)) == null;
    }

    @Override
    public boolean remove(String name) {
        return intents.remove(name) != null;
    }

    @Override
    public void update(Collection<PathDecision> decisions) {
        for (PathDecision decision : decisions) {
            String name = decision.intent().name();
            Versioned<StoredIntent> stored = intents.get(name);
            // Conditional on the version read: an intent removed (or re-added) meanwhile is left alone.
            if (stored != null && !Objects.equals(stored.value().decision(), decision)) {
                intents.replace(name, stored.version(), stored.value().withDecision(decision));
            }
        }
    }

    private void notifyDelegate(MapEvent<String, StoredIntent> event) {
        FabricStoreDelegate current = delegate;
        Versioned<StoredIntent> subject = event.type() == MapEvent.Type.REMOVE ? event.oldValue() : event.newValue();
        // Some map implementations report removing an absent key: nothing changed.
        if (current == null || subject == null) {
            return;
        }
        switch (event.type()) {
            case INSERT:
                current.notify(new FabricEvent(FabricEvent.Type.INTENT_ADDED, statusOf(subject)));
                break;
            case UPDATE:
                current.notify(new FabricEvent(FabricEvent.Type.INTENT_UPDATED, statusOf(subject)));
                break;
            case REMOVE:
                current.notify(new FabricEvent(FabricEvent.Type.INTENT_REMOVED, statusOf(subject)));
                break;
            default:
                break;
        }
    }

    private static IntentStatus statusOf(Versioned<StoredIntent> stored) {
        return IntentStatuses.of(stored.value().decision());
    }
}
