package org.metrofabric.emulator.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metrofabric.topology.model.Host;
import org.metrofabric.topology.model.Link;
import org.metrofabric.topology.model.LinkEnd;
import org.metrofabric.topology.model.Topology;

/**
 * The topology format allows any port number up to 65535 (real fabrics have big spines), but the
 * emulated switches run metro.p4 on v1model, whose ports are 9 bits wide and where BMv2 drops
 * what is sent to 511: such a port cannot be emulated, and the fabric app's writes naming it would
 * be refused at run time. Finding it when the fabric is built gives the operator the field to fix.
 */
public final class V1ModelPorts {
    /** The highest port a frame can leave by: v1model's 9-bit port, minus BMv2's drop port 511. */
    public static final int MAX_DATA_PORT = 510;
    private static final int MAX_LISTED = 5;

    private V1ModelPorts() {
    }

    /** The ports of {@code topology} that do not fit, each with its JSON path (the first few); empty when all fit. */
    public static Optional<String> problems(Topology topology) {
        List<String> problems = new ArrayList<>();
        List<Link> links = topology.links();
        for (int i = 0; i < links.size(); i++) {
            check(links.get(i).a(), "$.links[" + i + "].a.port", problems);
            check(links.get(i).b(), "$.links[" + i + "].b.port", problems);
        }
        List<Host> hosts = topology.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            Host host = hosts.get(i);
            check(new LinkEnd(host.leaf(), host.port()), "$.hosts[" + i + "].port", problems);
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String more = problems.size() > MAX_LISTED ? " (and " + (problems.size() - MAX_LISTED) + " more)" : "";
        return Optional.of(String.join("; ", problems.subList(0, Math.min(MAX_LISTED, problems.size()))) + more);
    }

    /** Throws when some port of {@code topology} cannot be emulated. */
    public static void require(Topology topology) {
        problems(topology).ifPresent(problems -> {
            throw new IllegalArgumentException("topology " + topology.name() + " cannot be emulated on v1model: "
                    + problems);
        });
    }

    private static void check(LinkEnd end, String path, List<String> problems) {
        if (end.port() > MAX_DATA_PORT) {
            problems.add(path + ": port " + end.port() + " of " + end.device() + " is above " + MAX_DATA_PORT
                    + " (v1model ports are 9 bits and BMv2 drops on 511)");
        }
    }
}
