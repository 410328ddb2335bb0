package org.metrofabric.fabric.app.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metrofabric.fabric.api.Endpoint;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricLink;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.LinkId;
import org.metrofabric.fabric.api.PathIntent;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.DeviceId;

/**
 * Places single-hop path intents: access leaf, one spine, cloud leaf. A spine fits when both its
 * links are usable, the path latency (links plus a switching term for each of the three switches)
 * is within the budget and both links have the bandwidth free (the intent also needs a free
 * path_pinning entry at both its leaves); among fitting spines the least
 * reserved one wins (highest link utilisation on the path, then fewest pinned intents, then
 * spine order). The planner is pure: the same snapshot, intents and previous plan always give
 * the same plan.
 *
 * <p>Re-planning keeps every installed intent whose path still works and still meets its SLA, so
 * a failure moves only the intents it touched. Intents that were installed before but now fit
 * nowhere become DEGRADED (their traffic still follows ECMP routing); intents never installed
 * before that do not fit are REJECTED. Previously installed intents are placed before new ones.
 */
public final class PathPlanner {
    /** Default per-switch forwarding latency used in path latency, in ns. */
    public static final long DEFAULT_SWITCHING_NANOS = 5_000;
    /** An access leaf, a spine and a cloud leaf. */
    public static final int SWITCHES_ON_PATH = 3;

    /**
     * Entries of metro.p4's path_pinning table ({@code size = 2048}); the emulator's PinTableSizeTest
     * fails when the two differ.
     */
    public static final int DEFAULT_PIN_TABLE_SIZE = 2048;

    private final long switchingNanos;
    private final int pinTableSize;

    /**
     * @param switchingNanosPerSwitch forwarding latency added for each switch on the path
     * @param pinTableSize            path_pinning entries a leaf can hold; each intent takes one at both its leaves
     */
    public PathPlanner(long switchingNanosPerSwitch, int pinTableSize) {
        if (switchingNanosPerSwitch < 0) {
            throw new IllegalArgumentException("switching latency must be >= 0 ns");
        }
        if (pinTableSize < 0) {
            throw new IllegalArgumentException("pin table size must be >= 0");
        }
        this.switchingNanos = switchingNanosPerSwitch;
        this.pinTableSize = pinTableSize;
    }

    public PathPlanner(long switchingNanosPerSwitch) {
        this(switchingNanosPerSwitch, DEFAULT_PIN_TABLE_SIZE);
    }

    public PathPlanner() {
        this(DEFAULT_SWITCHING_NANOS);
    }

    public long switchingNanos() {
        return switchingNanos;
    }

    public int pinTableSize() {
        return pinTableSize;
    }

    /**
     * Plans all intents against the snapshot, keeping what still holds from {@code previous}.
     *
     * @param intents  every intent that should exist, in priority order; names must be unique
     * @param previous the plan in force (use {@link PathPlan#EMPTY} at start)
     */
    public PathPlan plan(FabricSnapshot snapshot, List<PathIntent> intents, PathPlan previous) {
        Work work = new Work(snapshot, hashCapacity(intents.size()));
        PathDecision[] decisions = new PathDecision[intents.size()];
        PathDecision[] befores = new PathDecision[intents.size()];
        // 1: keep installed intents whose path still works.
        for (int i = 0; i < intents.size(); i++) {
            PathDecision before = previous.decision(intents.get(i).name());
            befores[i] = before;
            if (before != null && before.state() == IntentState.INSTALLED && before.intent().equals(intents.get(i))) {
                decisions[i] = work.keep(before);
            }
        }
        // 2: re-place intents that were accepted before, then place new ones.
        for (boolean wasAccepted : new boolean[] {true, false}) {
            for (int i = 0; i < intents.size(); i++) {
                if (decisions[i] != null) {
                    continue;
                }
                PathDecision before = befores[i];
                boolean accepted = before != null && before.state() != IntentState.REJECTED;
                if (accepted == wasAccepted) {
                    decisions[i] = work.place(intents.get(i), accepted);
                }
            }
        }
        Map<String, PathDecision> byName = new LinkedHashMap<>(hashCapacity(decisions.length));
        for (PathDecision decision : decisions) {
            if (byName.put(decision.intent().name(), decision) != null) {
                throw new IllegalArgumentException("intent name " + decision.intent().name() + " is used twice");
            }
        }
        return new PathPlan(byName, work.reservations());
    }

    /**
     * Admits one new intent on top of the plan in force. When the returned plan's decision for
     * it is REJECTED, the caller keeps {@code current}: a rejected intent changes nothing.
     */
    public PathPlan admit(FabricSnapshot snapshot, PathPlan current, PathIntent intent) {
        if (current.decision(intent.name()) != null) {
            throw new IllegalArgumentException("an intent named " + intent.name() + " already exists");
        }
        List<PathIntent> intents = new ArrayList<>(current.decisions().size() + 1);
        current.decisions().values().forEach(d -> intents.add(d.intent()));
        intents.add(intent);
        return plan(snapshot, intents, current);
    }

    /**
     * Re-plans after a change of links or devices only (failure, recovery, capacity or latency
     * change), when intents and hosts are as in {@code previous}: installed intents whose path
     * still holds are kept without resolving their endpoints again, the others and every DEGRADED
     * intent are placed again, DEGRADED when nothing fits; REJECTED decisions are carried over.
     * Under that precondition it gives the same plan as {@link #plan}, without its per-intent
     * endpoint lookups.
     */
    public PathPlan replan(FabricSnapshot snapshot, PathPlan previous) {
        Work work = new Work(snapshot, 16);
        Map<String, PathDecision> byName = new LinkedHashMap<>(hashCapacity(previous.decisions().size()));
        List<PathDecision> toPlace = new ArrayList<>();
        for (PathDecision before : previous.decisions().values()) {
            PathDecision kept;
            if (before.state() == IntentState.INSTALLED) {
                kept = work.keepPath(before, -1, -1);
            } else {
                kept = before.state() == IntentState.REJECTED ? before : null;
            }
            byName.put(before.intent().name(), kept);
            if (kept == null) {
                toPlace.add(before);
            }
        }
        for (PathDecision before : toPlace) {
            byName.put(before.intent().name(), work.place(before.intent(), true));
        }
        return new PathPlan(byName, work.reservations());
    }

    /** Mutable counters of one planning run. */
    private final class Work {
        private final FabricSnapshot snapshot;
        private final long[] reserved;
        private final int[] pinned;
        /** path_pinning entries used, by leaf index. */
        private final int[] leafPins;
        /** (user prefix, cloud prefix) pairs already pinned: a leaf cannot pin one pair two ways. */
        private final Map<PinKey, String> claimed;

        Work(FabricSnapshot snapshot, int capacity) {
            this.snapshot = snapshot;
            this.reserved = new long[snapshot.links().size()];
            this.pinned = new int[snapshot.links().size()];
            this.leafPins = new int[snapshot.leaves().size()];
            this.claimed = new HashMap<>(capacity);
        }

        /**
         * Keeps an installed intent when its endpoints still resolve to the same place and its
         * path still holds (see {@link #keepPath}); claims its prefix pair.
         */
        PathDecision keep(PathDecision before) {
            PlacedPath old = before.path();
            Ends ends = resolve(before.intent());
            if (ends.rejection != null || !ends.user.equals(old.userPrefix()) || !ends.cloud.equals(old.cloudPrefix())
                    || claimed.containsKey(ends.key())) {
                return null;
            }
            PathDecision kept = keepPath(before, ends.userLeaf, ends.cloudLeaf);
            if (kept != null) {
                claimed.put(ends.key(), before.intent().name());
            }
            return kept;
        }

        /**
         * Keeps an installed intent whose two links are still usable, whose latency is still
         * within budget and whose bandwidth still fits; reserves it.
         *
         * @param userLeaf  the leaf index the user end resolves to now, or -1 when known unchanged
         * @param cloudLeaf likewise for the cloud end
         * @return the decision kept (a new one when the latency changed), or null when the path no longer holds
         */
        PathDecision keepPath(PathDecision before, int userLeaf, int cloudLeaf) {
            PathIntent intent = before.intent();
            PlacedPath old = before.path();
            int up = snapshot.linkIndex(old.userLink(), old.userLinkHint());
            int down = snapshot.linkIndex(old.cloudLink(), old.cloudLinkHint());
            if (up < 0 || down < 0 || !snapshot.isUsable(up) || !snapshot.isUsable(down)
                    || (userLeaf >= 0 && snapshot.linkLeafIndex(up) != userLeaf)
                    || (cloudLeaf >= 0 && snapshot.linkLeafIndex(down) != cloudLeaf)) {
                return null;
            }
            long latency = latency(up, down);
            long bandwidth = intent.bandwidthMbps();
            if (latency > intent.latencyBudgetNanos() || bandwidth > free(up) || bandwidth > free(down)
                    || fullLeaf(snapshot.linkLeafIndex(up), snapshot.linkLeafIndex(down)) >= 0) {
                return null;
            }
            reserveLinks(intent, up, down);
            if (latency == old.latencyNanos() && up == old.userLinkHint() && down == old.cloudLinkHint()) {
                return before;
            }
            return PathDecision.installed(intent, new PlacedPath(old.userPrefix(), old.cloudPrefix(), old.spine(),
                    old.userLink(), old.cloudLink(), latency, up, down));
        }

        PathDecision place(PathIntent intent, boolean wasAccepted) {
            Ends ends = resolve(intent);
            Rejection rejection = ends.rejection;
            if (rejection == null) {
                String holder = claimed.get(ends.key());
                if (holder != null) {
                    rejection = new Rejection(Constraint.DUPLICATE_PATH, 0, "intent " + holder
                            + " already pins " + ends.user + " to " + ends.cloud);
                }
            }
            if (rejection == null) {
                PathDecision placed = choose(intent, ends);
                if (placed.state() == IntentState.INSTALLED) {
                    return placed;
                }
                rejection = placed.reason();
            }
            return wasAccepted ? PathDecision.degraded(intent, rejection) : PathDecision.rejected(intent, rejection);
        }

        private PathDecision choose(PathIntent intent, Ends ends) {
            int full = fullLeaf(ends.userLeaf, ends.cloudLeaf);
            if (full >= 0) {
                return PathDecision.rejected(intent, new Rejection(Constraint.TABLE_SPACE, 1, String.format(
                        "the path_pinning table of %s is full (%d entries)", leafId(full), pinTableSize)));
            }
            long budget = intent.latencyBudgetNanos();
            long bandwidth = intent.bandwidthMbps();
            int bestSpine = -1;
            int bestUp = -1;
            int bestDown = -1;
            double bestUtilisation = 0;
            int bestPinned = 0;
            boolean anyPath = false;
            boolean anyWithinBudget = false;
            long fastest = Long.MAX_VALUE;
            int fastestSpine = -1;
            long smallestShortfall = Long.MAX_VALUE;
            int shortfallLink = -1;
            for (int s = 0; s < snapshot.spines().size(); s++) {
                int up = pickLink(snapshot.uplinks(ends.userLeaf, s));
                int down = pickLink(snapshot.uplinks(ends.cloudLeaf, s));
                if (up < 0 || down < 0) {
                    continue;
                }
                anyPath = true;
                long latency = latency(up, down);
                if (latency < fastest) {
                    fastest = latency;
                    fastestSpine = s;
                }
                if (latency > budget) {
                    continue;
                }
                anyWithinBudget = true;
                int bottleneck = free(up) <= free(down) ? up : down;
                if (bandwidth > free(bottleneck)) {
                    if (bandwidth - free(bottleneck) < smallestShortfall) {
                        smallestShortfall = bandwidth - free(bottleneck);
                        shortfallLink = bottleneck;
                    }
                    continue;
                }
                double utilisation = Math.max(utilisation(up), utilisation(down));
                int pins = pinned[up] + pinned[down];
                if (bestSpine < 0 || utilisation < bestUtilisation
                        || (utilisation == bestUtilisation && pins < bestPinned)) {
                    bestSpine = s;
                    bestUp = up;
                    bestDown = down;
                    bestUtilisation = utilisation;
                    bestPinned = pins;
                }
            }
            if (bestSpine >= 0) {
                return install(intent, ends, snapshot.spines().get(bestSpine).id(), bestUp, bestDown, latency(bestUp, bestDown));
            }
            if (!anyPath) {
                return PathDecision.rejected(intent, new Rejection(Constraint.NO_PATH, 0,
                        "no live spine links " + leafId(ends.userLeaf) + " and " + leafId(ends.cloudLeaf)));
            }
            if (!anyWithinBudget) {
                long excess = fastest - budget;
                return PathDecision.rejected(intent, new Rejection(Constraint.LATENCY, excess, String.format(
                        "the fastest path (via %s) takes %s us, over the %d us budget by %s us",
                        snapshot.spines().get(fastestSpine).id(), micros(fastest), budget / 1_000, micros(excess))));
            }
            FabricLink link = snapshot.link(shortfallLink);
            return PathDecision.rejected(intent, new Rejection(Constraint.BANDWIDTH, smallestShortfall, String.format(
                    "%d Mb/s requested; the best path within the latency budget has %d Mb/s free on link %s, short by %d Mb/s",
                    bandwidth, free(shortfallLink), link.id(), smallestShortfall)));
        }

        private void reserveLinks(PathIntent intent, int up, int down) {
            reserved[up] += intent.bandwidthMbps();
            reserved[down] += intent.bandwidthMbps();
            pinned[up]++;
            pinned[down]++;
            leafPins[snapshot.linkLeafIndex(up)]++;
            leafPins[snapshot.linkLeafIndex(down)]++;
        }

        /** @return the first of the two leaves whose path_pinning table is full, or -1 */
        private int fullLeaf(int userLeaf, int cloudLeaf) {
            if (leafPins[userLeaf] >= pinTableSize) {
                return userLeaf;
            }
            return leafPins[cloudLeaf] >= pinTableSize ? cloudLeaf : -1;
        }

        private PathDecision install(PathIntent intent, Ends ends, DeviceId spine, int up, int down, long latency) {
            reserveLinks(intent, up, down);
            claimed.put(ends.key(), intent.name());
            LinkId userLink = snapshot.link(up).id();
            LinkId cloudLink = snapshot.link(down).id();
            return PathDecision.installed(intent, new PlacedPath(ends.user, ends.cloud, spine, userLink, cloudLink, latency, up, down));
        }

        private DeviceId leafId(int leafIdx) {
            return snapshot.leaves().get(leafIdx).id();
        }

        /** Of parallel links, the usable one with the most free bandwidth; -1 when none is usable. */
        private int pickLink(int[] candidates) {
            int best = -1;
            for (int link : candidates) {
                if (snapshot.isUsable(link) && (best < 0 || free(link) > free(best))) {
                    best = link;
                }
            }
            return best;
        }

        private long latency(int up, int down) {
            return snapshot.link(up).latencyNanos() + snapshot.link(down).latencyNanos() + SWITCHES_ON_PATH * switchingNanos;
        }

        private long free(int link) {
            return snapshot.link(link).capacityMbps() - reserved[link];
        }

        private double utilisation(int link) {
            long capacity = snapshot.link(link).capacityMbps();
            return capacity == 0 ? 1.0 : (double) reserved[link] / capacity;
        }

        Map<LinkId, Long> reservations() {
            Map<LinkId, Long> byLink = new HashMap<>();
            for (int i = 0; i < reserved.length; i++) {
                if (reserved[i] > 0) {
                    byLink.put(snapshot.link(i).id(), reserved[i]);
                }
            }
            return byLink;
        }

        private Ends resolve(PathIntent intent) {
            Ends ends = new Ends();
            ends.rejection = locate(intent.user(), "from", false, ends);
            if (ends.rejection == null) {
                ends.rejection = locate(intent.cloud(), "to", true, ends);
            }
            return ends;
        }

        /** Sets the user or cloud end of {@code ends}; returns why it cannot, or null. */
        private Rejection locate(Endpoint endpoint, String field, boolean cloudEnd, Ends ends) {
            int leafIdx;
            IpPrefix prefix;
            if (endpoint.isHost()) {
                int host = snapshot.hostIndex(endpoint.hostName());
                if (host < 0) {
                    return new Rejection(Constraint.ENDPOINT, 0, field + ": unknown host " + endpoint.hostName());
                }
                leafIdx = snapshot.hostLeafIndex(host);
                prefix = snapshot.hostPrefix(host);
            } else {
                leafIdx = snapshot.leafIndexServing(endpoint.prefix());
                prefix = endpoint.prefix();
                if (leafIdx < 0) {
                    return new Rejection(Constraint.ENDPOINT, 0, field + ": no leaf serves " + endpoint);
                }
            }
            FabricDevice leaf = snapshot.leaves().get(leafIdx);
            if (leaf.leafKind().isCloud() != cloudEnd) {
                String kind = leaf.leafKind().configName();
                return new Rejection(Constraint.ENDPOINT, 0, String.format("%s: %s is on %s, %s %s leaf; the %s end must be on %s",
                        field, endpoint, leaf.id(), "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a", kind,
                        cloudEnd ? "cloud" : "user", cloudEnd ? "an edge-cloud or core-cloud leaf" : "an access leaf"));
            }
            if (cloudEnd) {
                ends.cloud = prefix;
                ends.cloudLeaf = leafIdx;
            } else {
                ends.user = prefix;
                ends.userLeaf = leafIdx;
            }
            return null;
        }
    }

    private static String micros(long nanos) {
        return nanos % 1_000 == 0 ? Long.toString(nanos / 1_000) : String.format(Locale.ROOT, "%.3f", nanos / 1_000.0);
    }

    /** A (user prefix, cloud prefix) pair, hashed once: IpPrefix hashing allocates. */
    private static final class PinKey {
        private final IpPrefix user;
        private final IpPrefix cloud;
        private final int hash;

        PinKey(IpPrefix user, IpPrefix cloud) {
            this.user = user;
            this.cloud = cloud;
            this.hash = 31 * user.hashCode() + cloud.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof PinKey)) {
                return false;
            }
            PinKey that = (PinKey) o;
            return hash == that.hash && user.equals(that.user) && cloud.equals(that.cloud);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static int hashCapacity(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    private static final class Ends {
        IpPrefix user;
        IpPrefix cloud;
        int userLeaf;
        int cloudLeaf;
        Rejection rejection;

        private PinKey key;

        PinKey key() {
            if (key == null) {
                key = new PinKey(user, cloud);
            }
            return key;
        }
    }
}
