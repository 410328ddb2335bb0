package org.metrofabric.fabric.app.planner;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.onosproject.net.DeviceId;

/** The routes one switch should hold, and the ECMP groups they use. */
public final class DeviceRoutes {
    private final DeviceId device;
    private final List<Route> routes;
    private final Set<EcmpGroup> groups;

    public DeviceRoutes(DeviceId device, List<Route> routes) {
        this.device = Objects.requireNonNull(device, "device");
        this.routes = List.copyOf(routes);
        Set<EcmpGroup> used = new LinkedHashSet<>();
        for (Route route : this.routes) {
            if (route.group() != null) {
                used.add(route.group());
            }
        }
        this.groups = Collections.unmodifiableSet(used);
    }

    public DeviceId device() {
        return device;
    }

    public List<Route> routes() {
        return routes;
    }

    /** Distinct groups, in order of first use. */
    public Set<EcmpGroup> groups() {
        return groups;
    }

    /** routing_v4 entries plus ecmp group members (what the switch's tables must hold). */
    public int tableEntries() {
        int members = 0;
        for (EcmpGroup group : groups) {
            members += group.members().size();
        }
        return routes.size() + members;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeviceRoutes)) {
            return false;
        }
        DeviceRoutes that = (DeviceRoutes) o;
        return device.equals(that.device) && routes.equals(that.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, routes);
    }

    @Override
    public String toString() {
        return device + ": " + routes.size() + " routes, " + groups.size() + " groups";
    }
}
