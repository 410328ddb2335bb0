package org.metrofabric.fabric.app.planner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.LinkId;
import org.onlab.packet.MacAddress;
import org.onosproject.net.DeviceId;

/** The planner's decision for every intent, and the bandwidth reserved on each link. */
public final class PathPlan {
    public static final PathPlan EMPTY = new PathPlan(Map.of(), Map.of());

    private final Map<String, PathDecision> decisions;
    private final Map<LinkId, Long> reservedMbps;

    /** Takes ownership of both maps; the planner builds them fresh for every plan. */
    PathPlan(Map<String, PathDecision> decisions, Map<LinkId, Long> reservedMbps) {
        this.decisions = Collections.unmodifiableMap(decisions);
        this.reservedMbps = Collections.unmodifiableMap(reservedMbps);
    }

    /**
     * A plan from decisions kept elsewhere (the intent store), in order; reservations are those of
     * the INSTALLED decisions. It is what {@link PathPlanner#plan} needs as its previous plan.
     */
    public static PathPlan of(Collection<PathDecision> decisions) {
        Map<String, PathDecision> byName = new LinkedHashMap<>();
        Map<LinkId, Long> reserved = new HashMap<>();
        for (PathDecision decision : decisions) {
            if (byName.put(decision.intent().name(), decision) != null) {
                throw new IllegalArgumentException("intent name " + decision.intent().name() + " is used twice");
            }
            if (decision.path() != null) {
                reserved.merge(decision.path().userLink(), decision.reservedMbps(), Long::sum);
                reserved.merge(decision.path().cloudLink(), decision.reservedMbps(), Long::sum);
            }
        }
        reserved.values().removeIf(mbps -> mbps == 0);
        return new PathPlan(byName, reserved);
    }

    /** Decisions by intent name, in the order the intents were given. */
    public Map<String, PathDecision> decisions() {
        return decisions;
    }

    /** @return the decision, or null for an intent this plan does not know */
    public PathDecision decision(String intentName) {
        return decisions.get(intentName);
    }

    public long count(IntentState state) {
        return decisions.values().stream().filter(d -> d.state() == state).count();
    }

    /** Bandwidth reserved on a link (each direction), in Mb/s. */
    public long reservedMbps(LinkId link) {
        return reservedMbps.getOrDefault(link, 0L);
    }

    /** Links with a reservation. */
    public Map<LinkId, Long> reservations() {
        return reservedMbps;
    }

    /**
     * The path_pinning entries of every leaf: at the access leaf user-to-cloud traffic is pinned
     * to the chosen spine, at the cloud leaf the return traffic.
     */
    public Map<DeviceId, List<PathPin>> pins(FabricSnapshot snapshot) {
        Map<DeviceId, List<PathPin>> pins = new HashMap<>();
        for (PathDecision decision : decisions.values()) {
            if (decision.state() == IntentState.INSTALLED) {
                addPins(snapshot, decision, pins);
            }
        }
        return pins;
    }

    /** The leaves whose path_pinning entries differ between {@code before} and this plan. */
    public Set<DeviceId> pinDevicesChangedSince(PathPlan before) {
        Set<DeviceId> changed = new TreeSet<>(Comparator.comparing(DeviceId::toString));
        for (PathDecision now : decisions.values()) {
            PathDecision then = before.decision(now.intent().name());
            if (then == null || !Objects.equals(now.path(), then.path())) {
                addLeaves(now, changed);
                if (then != null) {
                    addLeaves(then, changed);
                }
            }
        }
        for (PathDecision then : before.decisions.values()) {
            if (!decisions.containsKey(then.intent().name())) {
                addLeaves(then, changed);
            }
        }
        return changed;
    }

    private static void addLeaves(PathDecision decision, Collection<DeviceId> leaves) {
        if (decision.path() != null) {
            leaves.add(decision.path().userLeaf());
            leaves.add(decision.path().cloudLeaf());
        }
    }

    private static void addPins(FabricSnapshot snapshot, PathDecision decision, Map<DeviceId, List<PathPin>> pins) {
        PlacedPath path = decision.path();
        String name = decision.intent().name();
        MacAddress spineMac = snapshot.device(path.spine()).routerMac();
        pins.computeIfAbsent(path.userLeaf(), leaf -> new ArrayList<>()).add(new PathPin(name,
                path.userPrefix(), path.cloudPrefix(),
                new NextHop(path.userLink().leafPort().port(), snapshot.device(path.userLeaf()).routerMac(), spineMac)));
        pins.computeIfAbsent(path.cloudLeaf(), leaf -> new ArrayList<>()).add(new PathPin(name,
                path.cloudPrefix(), path.userPrefix(),
                new NextHop(path.cloudLink().leafPort().port(), snapshot.device(path.cloudLeaf()).routerMac(), spineMac)));
    }
}
