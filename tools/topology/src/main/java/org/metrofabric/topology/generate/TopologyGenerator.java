package org.metrofabric.topology.generate;

import java.util.ArrayList;
import java.util.List;
import org.metrofabric.topology.model.Host;
import org.metrofabric.topology.model.Ipv4Prefix;
import org.metrofabric.topology.model.Leaf;
import org.metrofabric.topology.model.LeafKind;
import org.metrofabric.topology.model.Link;
import org.metrofabric.topology.model.LinkEnd;
import org.metrofabric.topology.model.MacAddress;
import org.metrofabric.topology.model.Spine;
import org.metrofabric.topology.model.Topology;

/**
 * Builds full-mesh leaf-spine fabrics of any size, deterministically (the same spec always gives
 * the same file). Addressing: leaf i owns 10.(i / 256).(i % 256).0/24 with gateway .1 and hosts
 * from .10; switch ports skip 255, the CPU port. Fibre lengths vary with the leaf and spine
 * numbers so that spines differ in latency: access leaves sit 5-20 km from spines, edge-cloud
 * leaves 10-19 us, core-cloud leaves 30-50 km.
 */
public final class TopologyGenerator {
    static final int FIRST_GRPC_PORT = 50_001;
    private static final int FIRST_HOST_OCTET = 10;
    private static final int CPU_PORT = 255;

    private TopologyGenerator() {
    }

    public static Topology generate(GeneratorSpec spec) {
        List<Spine> spines = new ArrayList<>();
        for (int s = 1; s <= spec.spines(); s++) {
            spines.add(new Spine("spine" + s, new MacAddress(0x00aa_0000_0000L | s), FIRST_GRPC_PORT + s - 1, s));
        }
        List<Leaf> leaves = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int l = 1; l <= spec.leaves(); l++) {
            LeafKind kind = kindOf(spec, l);
            String leafName = "leaf" + l;
            int subnetBase = (10 << 24) | (l << 8);
            int switchIndex = spec.spines() + l;
            leaves.add(new Leaf(leafName, kind, new MacAddress(0x00bb_0000_0000L | l),
                    List.of(new Ipv4Prefix(subnetBase, 24)), FIRST_GRPC_PORT + switchIndex - 1, switchIndex));
            for (int h = 0; h < spec.hostsPerLeaf(); h++) {
                int address = subnetBase | (FIRST_HOST_OCTET + h);
                hosts.add(new Host("h" + l + "n" + h, new Ipv4Prefix(address, 24), new MacAddress(address & 0xffff_ffffL),
                        leafName, switchPort(spec.spines() + 1 + h)));
            }
            for (int s = 1; s <= spec.spines(); s++) {
                links.add(link(kind, new LinkEnd("spine" + s, switchPort(l)), new LinkEnd(leafName, switchPort(s)), l, s));
            }
        }
        String description = "Generated: " + spec.spines() + " spines, " + spec.accessLeaves() + " access, "
                + spec.edgeCloudLeaves() + " edge-cloud and " + spec.coreCloudLeaves() + " core-cloud leaves, "
                + spec.hostsPerLeaf() + " hosts per leaf.";
        return new Topology(spec.name(), description, spines, leaves, hosts, links);
    }

    private static LeafKind kindOf(GeneratorSpec spec, int leafNumber) {
        if (leafNumber <= spec.accessLeaves()) {
            return LeafKind.ACCESS;
        }
        return leafNumber <= spec.accessLeaves() + spec.edgeCloudLeaves() ? LeafKind.EDGE_CLOUD : LeafKind.CORE_CLOUD;
    }

    private static Link link(LeafKind kind, LinkEnd spineEnd, LinkEnd leafEnd, int l, int s) {
        switch (kind) {
            case ACCESS:
                return new Link(spineEnd, leafEnd, 10, null, (double) (5 + (l * 7 + s * 3) % 16));
            case EDGE_CLOUD:
                return new Link(spineEnd, leafEnd, 40, (double) (10 + (l + s) % 10), null);
            default:
                return new Link(spineEnd, leafEnd, 100, null, (double) (30 + (l * 5 + s * 11) % 21));
        }
    }

    /** The n-th usable port number (1-based), skipping the CPU port. */
    static int switchPort(int n) {
        return n < CPU_PORT ? n : n + 1;
    }
}
