package org.metrofabric.emulator.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrofabric.emulator.clock.Randomness;
import org.metrofabric.emulator.clock.Scheduler;

/** The nodes and links of one emulation, sharing one scheduler and one seeded randomness. */
public final class Network {
    private final Scheduler scheduler;
    private final Randomness randomness;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<LinkStateListener> linkListeners = new ArrayList<>();

    public Network(Scheduler scheduler, Randomness randomness) {
        this.scheduler = scheduler;
        this.randomness = randomness;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Randomness randomness() {
        return randomness;
    }

    /** Registers {@code node}; names are unique. Returns the node. */
    public <N extends Node> N add(N node) {
        if (nodes.containsKey(node.name())) {
            throw new IllegalArgumentException("a node named " + node.name() + " already exists");
        }
        nodes.put(node.name(), node);
        return node;
    }

    public Optional<Node> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Map<String, Node> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    /** Links with an end at {@code node}. */
    public List<Link> linksOf(Node node) {
        return links.stream().filter(l -> l.touches(node)).toList();
    }

    /** The link attached to {@code port} of {@code node}. */
    public Optional<Link> linkAt(Node node, int port) {
        return node.port(port).map(EgressPort::link);
    }

    /** Told about every link state change, on links made before or after this call. */
    public void addLinkListener(LinkStateListener listener) {
        linkListeners.add(listener);
        for (Link link : links) {
            link.addListener(listener);
        }
    }

    /**
     * Connects two registered nodes' ports with a link; each end queues by its own config.
     * Its loss draws come from the stream named after its ends, so they do not depend on the
     * order links are made in.
     */
    public Link connect(Endpoint a, Endpoint b, LinkSpec spec, QueueConfig queuesAtA, QueueConfig queuesAtB) {
        requireRegistered(a);
        requireRegistered(b);
        if (a.equals(b)) {
            throw new IllegalArgumentException("cannot connect " + a + " to itself");
        }
        requireFree(a);
        requireFree(b);
        Link link = new Link(scheduler, a, b, spec, queuesAtA, queuesAtB, randomness.stream("link " + a + " " + b));
        link.attach();
        linkListeners.forEach(link::addListener);
        links.add(link);
        return link;
    }

    private void requireRegistered(Endpoint end) {
        if (nodes.get(end.node().name()) != end.node()) {
            throw new IllegalArgumentException("node " + end.node().name() + " of " + end + " is not in this network");
        }
    }

    private static void requireFree(Endpoint end) {
        if (end.node().port(end.port()).isPresent()) {
            throw new IllegalArgumentException("port " + end.port() + " of " + end.node().name()
                    + " is already connected");
        }
    }
}
