package org.metrofabric.fabric.app.planner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricHost;
import org.metrofabric.fabric.api.FabricLink;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.onlab.packet.IpPrefix;
import org.onosproject.net.DeviceId;

/**
 * Fabric routing, as a pure function of the snapshot:
 * <ul>
 * <li>a leaf routes every other leaf's subnets to an ECMP group of its uplinks to the live spines
 *     that also reach that leaf (so a spine that lost the destination leaf is never chosen);</li>
 * <li>a leaf routes each of its hosts (/32) to the host's port;</li>
 * <li>a spine routes every leaf subnet to that leaf (ECMP when there are parallel links).</li>
 * </ul>
 * A leaf's routes only ever point at spines and a spine's only at the owning leaf, so traffic
 * never transits another leaf. Entries per switch grow with leaves and hosts, never with flows.
 */
public final class RoutingPlanner {

    public RoutingPlan plan(FabricSnapshot snapshot) {
        List<FabricDevice> spines = snapshot.spines();
        List<FabricDevice> leaves = snapshot.leaves();
        BitSet[] spinesReached = new BitSet[leaves.size()];
        for (int l = 0; l < leaves.size(); l++) {
            spinesReached[l] = spinesReachedBy(snapshot, l);
        }
        Map<DeviceId, DeviceRoutes> routes = new LinkedHashMap<>();
        List<List<DeviceId>> unreachable = new ArrayList<>();
        for (FabricDevice spine : spines) {
            if (spine.isUp()) {
                routes.put(spine.id(), spineRoutes(snapshot, spine));
            }
        }
        for (int l = 0; l < leaves.size(); l++) {
            if (leaves.get(l).isUp()) {
                routes.put(leaves.get(l).id(), leafRoutes(snapshot, l, spinesReached, unreachable));
            }
        }
        return new RoutingPlan(routes, unreachable);
    }

    private static BitSet spinesReachedBy(FabricSnapshot snapshot, int leaf) {
        BitSet reached = new BitSet();
        for (int s = 0; s < snapshot.spines().size(); s++) {
            for (int link : snapshot.uplinks(leaf, s)) {
                if (snapshot.isUsable(link)) {
                    reached.set(s);
                    break;
                }
            }
        }
        return reached;
    }

    private static DeviceRoutes spineRoutes(FabricSnapshot snapshot, FabricDevice spine) {
        int spineIdx = snapshot.spineIndex(spine.id());
        List<Route> routes = new ArrayList<>();
        for (int l = 0; l < snapshot.leaves().size(); l++) {
            FabricDevice leaf = snapshot.leaves().get(l);
            List<NextHop> downlinks = new ArrayList<>();
            for (int linkIdx : snapshot.uplinks(l, spineIdx)) {
                if (snapshot.isUsable(linkIdx)) {
                    FabricLink link = snapshot.link(linkIdx);
                    downlinks.add(new NextHop(link.id().spinePort().port(), spine.routerMac(), leaf.routerMac()));
                }
            }
            if (downlinks.isEmpty()) {
                continue;
            }
            EcmpGroup group = downlinks.size() > 1 ? new EcmpGroup(downlinks) : null;
            for (IpPrefix subnet : leaf.subnets()) {
                routes.add(group != null ? Route.toGroup(subnet, group) : Route.toNextHop(subnet, downlinks.get(0)));
            }
        }
        return new DeviceRoutes(spine.id(), routes);
    }

    private static DeviceRoutes leafRoutes(FabricSnapshot snapshot, int leafIdx, BitSet[] spinesReached,
                                           List<List<DeviceId>> unreachable) {
        FabricDevice leaf = snapshot.leaves().get(leafIdx);
        List<Route> routes = new ArrayList<>();
        for (FabricHost host : snapshot.hostsOn(leafIdx)) {
            routes.add(Route.toNextHop(IpPrefix.valueOf(host.ip(), IpPrefix.MAX_INET_MASK_LENGTH),
                    new NextHop(host.location().port(), leaf.routerMac(), host.mac())));
        }
        // Leaves reaching the same spines share one group instance.
        Map<BitSet, EcmpGroup> groups = new HashMap<>();
        for (int o = 0; o < snapshot.leaves().size(); o++) {
            FabricDevice other = snapshot.leaves().get(o);
            if (o == leafIdx || !other.isUp()) {
                continue;
            }
            BitSet common = (BitSet) spinesReached[leafIdx].clone();
            common.and(spinesReached[o]);
            if (common.isEmpty()) {
                unreachable.add(List.of(leaf.id(), other.id()));
                continue;
            }
            EcmpGroup group = groups.computeIfAbsent(common, spines -> uplinkGroup(snapshot, leafIdx, spines));
            for (IpPrefix subnet : other.subnets()) {
                routes.add(Route.toGroup(subnet, group));
            }
        }
        return new DeviceRoutes(leaf.id(), routes);
    }

    private static EcmpGroup uplinkGroup(FabricSnapshot snapshot, int leafIdx, BitSet spines) {
        FabricDevice leaf = snapshot.leaves().get(leafIdx);
        List<NextHop> members = new ArrayList<>();
        for (int s = spines.nextSetBit(0); s >= 0; s = spines.nextSetBit(s + 1)) {
            FabricDevice spine = snapshot.spines().get(s);
            for (int linkIdx : snapshot.uplinks(leafIdx, s)) {
                if (snapshot.isUsable(linkIdx)) {
                    members.add(new NextHop(snapshot.link(linkIdx).id().leafPort().port(), leaf.routerMac(), spine.routerMac()));
                }
            }
        }
        return new EcmpGroup(members);
    }
}
