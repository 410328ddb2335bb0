package org.metrofabric.fabric.app.planner;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.onosproject.net.DeviceId;

/** Desired routes of every live switch, and the leaf pairs no live spine connects. */
public final class RoutingPlan {
    private final Map<DeviceId, DeviceRoutes> routes;
    private final List<List<DeviceId>> unreachable;

    RoutingPlan(Map<DeviceId, DeviceRoutes> routes, List<List<DeviceId>> unreachable) {
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        this.unreachable = List.copyOf(unreachable);
    }

    public Map<DeviceId, DeviceRoutes> routes() {
        return routes;
    }

    /** @return the device's routes; empty when the device is down or unknown */
    public DeviceRoutes routesOf(DeviceId device) {
        DeviceRoutes deviceRoutes = routes.get(device);
        return deviceRoutes != null ? deviceRoutes : new DeviceRoutes(device, List.of());
    }

    /** Ordered pairs (from leaf, to leaf) with no live spine in common. */
    public List<List<DeviceId>> unreachable() {
        return unreachable;
    }

    /** The devices whose desired routes differ between {@code before} and this plan. */
    public Set<DeviceId> changedSince(RoutingPlan before) {
        Set<DeviceId> changed = new TreeSet<>(Comparator.comparing(DeviceId::toString));
        for (DeviceId device : routes.keySet()) {
            if (!routesOf(device).equals(before.routesOf(device))) {
                changed.add(device);
            }
        }
        for (DeviceId device : before.routes.keySet()) {
            if (!routes.containsKey(device) && !before.routesOf(device).routes().isEmpty()) {
                changed.add(device);
            }
        }
        return changed;
    }
}
