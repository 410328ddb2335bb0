package org.metrofabric.emulator.net;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.metrofabric.emulator.clock.Scheduler;

/** Something with ports that frames arrive on and leave from: a switch or a host. */
public abstract class Node {
    private final String name;
    protected final Scheduler scheduler;
    private final Map<Integer, EgressPort> ports = new TreeMap<>();
    private long unconnectedDrops;

    protected Node(String name, Scheduler scheduler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("node name must not be blank");
        }
        this.name = name;
        this.scheduler = scheduler;
    }

    public final String name() {
        return name;
    }

    /** Called by a link when {@code frame} has fully arrived on {@code port}. */
    public abstract void receive(int port, byte[] frame);

    /** The egress side of {@code port}, if a link is attached to it. */
    public final Optional<EgressPort> port(int port) {
        return Optional.ofNullable(ports.get(port));
    }

    public final Map<Integer, EgressPort> ports() {
        return Collections.unmodifiableMap(ports);
    }

    /** Frames sent to a port with no link attached (lost, as on an unplugged interface). */
    public final long unconnectedDrops() {
        return unconnectedDrops;
    }

    /** Queues {@code frame} on {@code port}; false if it was dropped (see the port's counters). */
    protected final boolean transmit(int port, byte[] frame, int priority) {
        EgressPort egress = ports.get(port);
        if (egress == null) {
            unconnectedDrops++;
            return false;
        }
        return egress.offer(frame, priority);
    }

    final void attach(int port, EgressPort egress) {
        if (ports.containsKey(port)) {
            throw new IllegalArgumentException("port " + port + " of " + name + " is already connected");
        }
        ports.put(port, egress);
    }

    @Override
    public String toString() {
        return name;
    }
}
