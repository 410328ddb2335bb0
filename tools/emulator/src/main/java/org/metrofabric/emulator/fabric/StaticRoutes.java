package org.metrofabric.emulator.fabric;

import java.util.ArrayList;
import java.util.List;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.topology.model.Host;
import org.metrofabric.topology.model.Ipv4Prefix;
import org.metrofabric.topology.model.Leaf;
import org.metrofabric.topology.model.Link;
import org.metrofabric.topology.model.LinkEnd;
import org.metrofabric.topology.model.Spine;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.model.Topology;

/**
 * Controller-less baseline routing, written once through each switch's control API so the
 * emulator can carry traffic before (and without) the fabric app: every leaf routes its hosts'
 * /32s to their ports and every other leaf's subnets to ECMP group {@link #UPLINK_GROUP} over all
 * its spine uplinks; every spine routes each leaf subnet to that leaf. Nothing reacts to failures.
 */
public final class StaticRoutes {
    /** The ECMP (and selector group) id every leaf uses for its uplinks. */
    public static final int UPLINK_GROUP = 1;

    private StaticRoutes() {
    }

    /** Programs every switch of {@code fabric}; returns the number of PI entities written. */
    public static int install(Fabric fabric) {
        Topology topology = fabric.topology();
        int written = 0;
        for (Leaf leaf : topology.leaves()) {
            written += installLeaf(fabric, topology, leaf);
        }
        for (Spine spine : topology.spines()) {
            written += installSpine(fabric, topology, spine);
        }
        return written;
    }

    private static int installLeaf(Fabric fabric, Topology topology, Leaf leaf) {
        SwitchNode node = fabric.switchNode(leaf.name());
        int written = 0;
        for (Host host : fabric.hostsOn(leaf.name())) {
            node.control().insert(MetroEntries.route(host.ip().address(), 32,
                    MetroEntries.setNextHop(host.port(), leaf.routerMac().value(), host.mac().value())));
            written++;
        }
        List<Integer> members = new ArrayList<>();
        for (Link link : topology.links()) {
            LinkEnd local = end(link, leaf.name());
            if (local == null) {
                continue;
            }
            Switch spine = other(topology, link, leaf.name());
            int memberId = members.size() + 1;
            node.control().insert(MetroEntries.uplinkMember(memberId, local.port(), leaf.routerMac().value(),
                    spine.routerMac().value()));
            members.add(memberId);
            written++;
        }
        node.control().insert(MetroEntries.uplinkGroup(UPLINK_GROUP, members));
        node.control().insert(MetroEntries.ecmpEntry(UPLINK_GROUP));
        written += 2;
        for (Leaf other : topology.leaves()) {
            if (other == leaf) {
                continue;
            }
            for (Ipv4Prefix subnet : other.subnets()) {
                node.control().insert(MetroEntries.routeViaUplinks(subnet.address(), subnet.length(), UPLINK_GROUP));
                written++;
            }
        }
        return written;
    }

    private static int installSpine(Fabric fabric, Topology topology, Spine spine) {
        SwitchNode node = fabric.switchNode(spine.name());
        int written = 0;
        for (Link link : topology.links()) {
            LinkEnd local = end(link, spine.name());
            if (local == null) {
                continue;
            }
            Leaf leaf = (Leaf) other(topology, link, spine.name());
            for (Ipv4Prefix subnet : leaf.subnets()) {
                node.control().insert(MetroEntries.route(subnet.address(), subnet.length(),
                        MetroEntries.setNextHop(local.port(), spine.routerMac().value(), leaf.routerMac().value())));
                written++;
            }
        }
        return written;
    }

    private static LinkEnd end(Link link, String device) {
        if (link.a().device().equals(device)) {
            return link.a();
        }
        return link.b().device().equals(device) ? link.b() : null;
    }

    private static Switch other(Topology topology, Link link, String device) {
        String name = link.a().device().equals(device) ? link.b().device() : link.a().device();
        return topology.switches().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
