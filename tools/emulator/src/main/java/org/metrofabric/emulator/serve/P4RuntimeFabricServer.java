package org.metrofabric.emulator.serve;

import io.grpc.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.onos.SwitchNodeTarget;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.topology.model.Switch;

/**
 * Each switch of an emulated fabric as a P4Runtime device on its own TCP port, with the topology's
 * device id, for controllers outside the process. Requests reach the switch state through the
 * emulator's loop, which must be running (e.g. a {@link org.metrofabric.emulator.clock.RealTimeLoop}).
 */
public final class P4RuntimeFabricServer implements AutoCloseable {
    private final List<P4RuntimeServer> services;
    private final List<Server> servers;
    private final Map<String, Integer> ports;

    private P4RuntimeFabricServer(List<P4RuntimeServer> services, List<Server> servers, Map<String, Integer> ports) {
        this.services = services;
        this.servers = servers;
        this.ports = ports;
    }

    /**
     * Listens on {@code host} for every switch, on the port {@code portOf} gives it ({@code Switch::grpcPort}
     * to match the netcfg; 0 picks a free one, see {@link #port}).
     */
    public static P4RuntimeFabricServer start(Fabric fabric, String host, ToIntFunction<Switch> portOf) {
        List<P4RuntimeServer> services = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        P4RuntimeFabricServer started = new P4RuntimeFabricServer(services, servers, ports);
        try {
            for (Switch sw : fabric.topology().switches()) {
                P4RuntimeServer service = new P4RuntimeServer().addDevice(sw.deviceId(),
                        SwitchNodeTarget.onLoop(fabric.switchNode(sw.name()), fabric.scheduler(), fabric.pipeline()));
                services.add(service);
                Server server = service.startTcp(host, portOf.applyAsInt(sw));
                servers.add(server);
                ports.put(sw.name(), server.getPort());
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

    @Override
    public void close() {
        servers.forEach(Server::shutdownNow);
        services.forEach(P4RuntimeServer::close);
    }
}
