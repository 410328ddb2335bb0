package org.metrofabric.emulator.fabric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrofabric.emulator.clock.Randomness;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.net.Endpoint;
import org.metrofabric.emulator.net.Link;
import org.metrofabric.emulator.net.LinkSpec;
import org.metrofabric.emulator.net.Network;
import org.metrofabric.emulator.net.QueueConfig;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.model.Ipv4Prefix;
import org.metrofabric.topology.model.Leaf;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.model.Topology;

/**
 * An emulated metro fabric built from a topology: one p4sim switch per spine and leaf, all
 * running one compiled pipeline (compiled once, a fresh switch state each); the topology's
 * links with their capacity and latency; and every host on its leaf port. Tables start empty:
 * a controller (or {@link StaticRoutes}) programs them through each switch's control API.
 */
public final class Fabric {
    /** Host access links are not in the topology file: 10 Gb/s, 1 µs (about 200 m of fibre). */
    public static final LinkSpec DEFAULT_HOST_LINK = LinkSpec.gbps(10, 1_000);
    /** A host NIC holds a Linux-like txqueuelen of 1000 frames. */
    public static final QueueConfig DEFAULT_HOST_QUEUES = new QueueConfig(1, 1000);

    private final Topology topology;
    private final P4Sim.LoadedPipeline pipeline;
    private final Network network;
    private final Map<String, SwitchNode> switches;
    private final Map<String, Host> hosts;

    private Fabric(Topology topology, P4Sim.LoadedPipeline pipeline, Network network, Map<String, SwitchNode> switches,
                   Map<String, Host> hosts) {
        this.topology = topology;
        this.pipeline = pipeline;
        this.network = network;
        this.switches = Collections.unmodifiableMap(switches);
        this.hosts = Collections.unmodifiableMap(hosts);
    }

    public static Builder builder(Topology topology, P4Sim.LoadedPipeline pipeline) {
        return new Builder(topology, pipeline);
    }

    public Topology topology() {
        return topology;
    }

    /** The program every switch runs. */
    public P4Sim.LoadedPipeline pipeline() {
        return pipeline;
    }

    public Network network() {
        return network;
    }

    public Scheduler scheduler() {
        return network.scheduler();
    }

    /** Switches by topology name, spines first, in file order. */
    public Map<String, SwitchNode> switches() {
        return switches;
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    public SwitchNode switchNode(String name) {
        SwitchNode node = switches.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no switch named " + name + " in " + topology.name());
        }
        return node;
    }

    public Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no host named " + name + " in " + topology.name());
        }
        return host;
    }

    /** Hosts attached to leaf {@code leafName}, in file order. */
    public List<org.metrofabric.topology.model.Host> hostsOn(String leafName) {
        return topology.hosts().stream().filter(h -> h.leaf().equals(leafName)).toList();
    }

    /** The link between two switches, named in either order. */
    public Link link(String deviceA, String deviceB) {
        SwitchNode a = switchNode(deviceA);
        SwitchNode b = switchNode(deviceB);
        return network.linksOf(a).stream().filter(l -> l.touches(b)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link between " + deviceA + " and " + deviceB));
    }

    /** The link of {@code hostName}'s NIC. */
    public Link hostLink(String hostName) {
        return network.linkAt(host(hostName), Host.NIC_PORT).orElseThrow();
    }

    /** Takes every link of switch {@code name} down (a switch failure as its neighbours see it). */
    public void failSwitch(String name) {
        network.linksOf(switchNode(name)).forEach(Link::down);
    }

    /** Brings every link of switch {@code name} back up. */
    public void restoreSwitch(String name) {
        network.linksOf(switchNode(name)).forEach(Link::up);
    }

    /** Builds a {@link Fabric}; every setting has a default. */
    public static final class Builder {
        private final Topology topology;
        private final P4Sim.LoadedPipeline pipeline;
        private long seed = 1;
        private LinkSpec hostLink = DEFAULT_HOST_LINK;
        private double fabricLinkLoss;
        private QueueConfig switchQueues = QueueConfig.BMV2_DEFAULT;
        private QueueConfig hostQueues = DEFAULT_HOST_QUEUES;
        private boolean staticGatewayArp = true;

        private Builder(Topology topology, P4Sim.LoadedPipeline pipeline) {
            if (topology == null || pipeline == null) {
                throw new IllegalArgumentException("topology and pipeline must not be null");
            }
            this.topology = topology;
            this.pipeline = pipeline;
        }

        /** The scenario seed all randomness (link loss) derives from. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder hostLink(LinkSpec spec) {
            this.hostLink = spec;
            return this;
        }

        /** Loss probability of every spine-leaf link (default 0). */
        public Builder fabricLinkLoss(double probability) {
            this.fabricLinkLoss = probability;
            return this;
        }

        /** Egress queues of every switch port; its priority count is also the switches' {@code --priority-queues}. */
        public Builder switchQueues(QueueConfig config) {
            this.switchQueues = config;
            return this;
        }

        public Builder hostQueues(QueueConfig config) {
            this.hostQueues = config;
            return this;
        }

        /**
         * Whether each host starts with a static ARP entry for its gateway (the leaf's router MAC),
         * as the Mininet launcher sets up (default true). Without it, hosts ARP for the gateway and
         * the leaf punts the request to the controller.
         */
        public Builder staticGatewayArp(boolean enabled) {
            this.staticGatewayArp = enabled;
            return this;
        }

        /** @throws IllegalArgumentException when a port of the topology cannot be emulated ({@link V1ModelPorts}) */
        public Fabric build() {
            V1ModelPorts.require(topology);
            Scheduler scheduler = new Scheduler();
            Network network = new Network(scheduler, new Randomness(seed));
            Map<String, SwitchNode> switches = new LinkedHashMap<>();
            for (Switch sw : topology.switches()) {
                switches.put(sw.name(), network.add(
                        new SwitchNode(sw.name(), scheduler, pipeline.newSwitch(), switchQueues.priorities())));
            }
            for (org.metrofabric.topology.model.Link link : topology.links()) {
                LinkSpec spec = new LinkSpec(Math.round(link.capacityGbps() * 1e9), link.latencyNanos(), fabricLinkLoss);
                network.connect(new Endpoint(switches.get(link.a().device()), link.a().port()),
                        new Endpoint(switches.get(link.b().device()), link.b().port()), spec, switchQueues, switchQueues);
            }
            Map<String, Host> hosts = new LinkedHashMap<>();
            for (org.metrofabric.topology.model.Host h : topology.hosts()) {
                Ipv4Prefix ip = h.ip();
                Host host = network.add(new Host(h.name(), scheduler, ip.address(), ip.length(), h.mac().value(),
                        ip.gateway()));
                Leaf leaf = topology.leaf(h.leaf()).orElseThrow();
                if (staticGatewayArp) {
                    host.setArpEntry(ip.gateway(), leaf.routerMac().value());
                }
                network.connect(new Endpoint(host, Host.NIC_PORT), new Endpoint(switches.get(h.leaf()), h.port()),
                        hostLink, hostQueues, switchQueues);
                hosts.put(h.name(), host);
            }
            return new Fabric(topology, pipeline, network, switches, hosts);
        }
    }
}
