package org.metrofabric.emulator.onos;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.topology.model.Switch;
import org.onosproject.net.DeviceId;

/**
 * An emulated fabric served over P4Runtime on the in-process transport: one {@link P4RuntimeServer}
 * with every switch as a device (the topology's device ids), and one {@link P4RuntimeDeviceClient} per
 * switch, primary and with the pipeline committed. Server and channel run their callbacks on the
 * calling thread (direct executors), so a write is done when it returns and a packet-in reaches the
 * controller within the emulator event that produced it: runs stay deterministic.
 */
public final class P4RuntimeFabric implements AutoCloseable {
    /** ONOS's default election id is derived from mastership terms; one controller needs only a fixed one. */
    public static final long ELECTION_ID = 1;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final P4RuntimeServer service;
    private final Server server;
    private final ManagedChannel channel;
    private final Map<DeviceId, P4RuntimeDeviceClient> clients;

    private P4RuntimeFabric(P4RuntimeServer service, Server server, ManagedChannel channel,
                            Map<DeviceId, P4RuntimeDeviceClient> clients) {
        this.service = service;
        this.server = server;
        this.channel = channel;
        this.clients = Collections.unmodifiableMap(clients);
    }

    /** Serves {@code fabric}'s switches and connects a client to each. */
    public static P4RuntimeFabric inProcess(Fabric fabric) {
        P4RuntimeServer service = new P4RuntimeServer();
        for (Switch sw : fabric.topology().switches()) {
            service.addDevice(sw.deviceId(),
                    SwitchNodeTarget.onCallingThread(fabric.switchNode(sw.name()), fabric.scheduler(),
                    fabric.pipeline()));
        }
        String name = "metrofabric-emulator-" + NAMES.incrementAndGet();
        Server server;
        try {
            server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        } catch (IOException e) {
            service.close();
            throw new UncheckedIOException("cannot start the in-process P4Runtime server: " + e.getMessage(), e);
        }
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        Map<DeviceId, P4RuntimeDeviceClient> clients = new LinkedHashMap<>();
        for (Switch sw : fabric.topology().switches()) {
            DeviceId id = DeviceId.deviceId(sw.onosDeviceId());
            clients.put(id, P4RuntimeDeviceClient.connect(id, sw.deviceId(), channel, fabric.pipeline().p4info(),
                    ELECTION_ID));
        }
        return new P4RuntimeFabric(service, server, channel, clients);
    }

    public Map<DeviceId, P4RuntimeDeviceClient> clients() {
        return clients;
    }

    @Override
    public void close() {
        clients.values().forEach(P4RuntimeDeviceClient::close);
        channel.shutdownNow();
        server.shutdownNow();
        service.close();
    }
}
