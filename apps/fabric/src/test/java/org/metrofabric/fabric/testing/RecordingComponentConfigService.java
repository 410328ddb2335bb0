package org.metrofabric.fabric.testing;

import java.util.ArrayList;
import java.util.List;
import org.onosproject.cfg.ComponentConfigAdapter;

/** ONOS's component config service as far as a component sees it: which classes registered their properties. */
public final class RecordingComponentConfigService extends ComponentConfigAdapter {
    private final List<Class<?>> registered = new ArrayList<>();

    @Override
    public synchronized void registerProperties(Class<?> componentClass) {
        registered.add(componentClass);
    }

    @Override
    public synchronized void unregisterProperties(Class<?> componentClass, boolean clear) {
        if (!registered.remove(componentClass)) {
            throw new IllegalStateException(componentClass.getName() + " unregistered properties it never registered");
        }
    }

    /** The classes whose properties are registered now. */
    public synchronized List<Class<?>> registered() {
        return List.copyOf(registered);
    }
}
