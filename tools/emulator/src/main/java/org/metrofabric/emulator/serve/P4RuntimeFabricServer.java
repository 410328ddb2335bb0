package org.metrofabric.emulator.serve;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.onos.P4RuntimeFabric;
import org.metrofabric.emulator.onos.SwitchNodeTarget;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.topology.model.Switch;

/**
 * Each switch of an emulated fabric as a P4Runtime device on its own TCP port, with the topology's
 * device id, for controllers outside the process. Requests reach the switch state through the
 * emulator's loop, which must be running (e.g. a {@link org.metrofabric.emulator.clock.RealTimeLoop}).
 *
 * <p>Each switch's service is also bound to an in-process server ({@link #inProcessChannel}), so a
 * controller inside the process is one more client of the same device: arbitration, the primary's
 * packet-ins and the forwarding state are shared with the TCP clients.
 */
public final class P4RuntimeFabricServer implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Fabric fabric;
    private final List<P4RuntimeServer> services;
    private final List<Server> servers;
    private final Map<String, Integer> ports;
    private final Map<String, String> inProcessNames;

    private P4RuntimeFabricServer(Fabric fabric, List<P4RuntimeServer> services, List<Server> servers,
                                  Map<String, Integer> ports, Map<String, String> inProcessNames) {
        this.fabric = fabric;
        this.services = services;
        this.servers = servers;
        this.ports = ports;
        this.inProcessNames = inProcessNames;
    }

    /**
     * Listens on {@code host} for every switch, on the port {@code portOf} gives it ({@code Switch::grpcPort}
     * to match the netcfg; 0 picks a free one, see {@link #port}).
     */
    public static P4RuntimeFabricServer start(Fabric fabric, String host, ToIntFunction<Switch> portOf) {
        List<P4RuntimeServer> services = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> inProcessNames = new LinkedHashMap<>();
        P4RuntimeFabricServer started = new P4RuntimeFabricServer(fabric, services, servers, ports, inProcessNames);
        String prefix = "metrofabric-serve-" + INSTANCES.incrementAndGet() + "-";
        try {
            for (Switch sw : fabric.topology().switches()) {
                P4RuntimeServer service = new P4RuntimeServer().addDevice(sw.deviceId(),
                        SwitchNodeTarget.onLoop(fabric.switchNode(sw.name()), fabric.scheduler(), fabric.pipeline()));
                services.add(service);
                Server server = service.startTcp(host, portOf.applyAsInt(sw));
                servers.add(server);
                ports.put(sw.name(), server.getPort());
                String inProcessName = prefix + sw.name();
                servers.add(service.startInProcess(inProcessName));
                inProcessNames.put(sw.name(), inProcessName);
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The TCP port switch {@code name} listens on. */
    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no switch " + name + " is served");
        }
        return port;
    }

    /**
     * A new channel to switch {@code name}'s service on the in-process transport, for a controller in
     * this process; its callbacks run on gRPC's threads, never the emulator's loop (which requests wait for).
     */
    public ManagedChannel inProcessChannel(String name) {
        String inProcessName = inProcessNames.get(name);
        if (inProcessName == null) {
            throw new IllegalArgumentException("no switch " + name + " is served");
        }
        return InProcessChannelBuilder.forName(inProcessName).build();
    }

    /**
     * Connects a client to every switch over {@link #inProcessChannel}, primary with
     * {@link P4RuntimeFabric#ELECTION_ID} and with the pipeline committed: for the embedded ONOS.
     * The loop must be running.
     */
    public P4RuntimeFabric embeddedClients() {
        return P4RuntimeFabric.connect(fabric, sw -> inProcessChannel(sw.name()));
    }

    @Override
    public void close() {
        servers.forEach(Server::shutdownNow);
        services.forEach(P4RuntimeServer::close);
    }
}
