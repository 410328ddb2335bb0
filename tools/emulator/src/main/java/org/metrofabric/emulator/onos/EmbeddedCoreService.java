package org.metrofabric.emulator.onos;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;

/** Application ids, cluster-wide: the same name gets the same id on every instance. */
final class EmbeddedCoreService extends CoreServiceAdapter {
    private final Map<String, ApplicationId> byName = new LinkedHashMap<>();

    @Override
    public synchronized ApplicationId registerApplication(String name) {
        return byName.computeIfAbsent(name, n -> new DefaultApplicationId(byName.size() + 1, n));
    }

    @Override
    public synchronized ApplicationId registerApplication(String name, Runnable preDeactivate) {
        return registerApplication(name);
    }

    @Override
    public synchronized ApplicationId getAppId(String name) {
        return byName.get(name);
    }

    @Override
    public synchronized ApplicationId getAppId(Short id) {
        return byName.values().stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    @Override
    public synchronized Set<ApplicationId> getAppIds() {
        return new LinkedHashSet<>(byName.values());
    }
}
