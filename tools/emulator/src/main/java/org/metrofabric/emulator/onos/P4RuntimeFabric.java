package org.metrofabric.emulator.onos;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.topology.model.Switch;
import org.onosproject.net.DeviceId;

/**
 * One {@link P4RuntimeDeviceClient} per switch of an emulated fabric, primary and with the pipeline
 * committed, and what they talk to. {@link #inProcess} serves the fabric itself on the in-process
 * transport: one {@link P4RuntimeServer} with every switch as a device (the topology's device ids),
 * server and channel running their callbacks on the calling thread (direct executors), so a write is
 * done when it returns and a packet-in reaches the controller within the emulator event that produced
 * it: runs stay deterministic. {@link #connect} instead joins switches someone else serves (e.g.
 * {@code emulator serve}'s, shared with controllers on TCP).
 */
public final class P4RuntimeFabric implements AutoCloseable {
    /** ONOS's default election id is derived from mastership terms; one controller needs only a fixed one. */
    public static final long ELECTION_ID = 1;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Map<DeviceId, P4RuntimeDeviceClient> clients;
    /** What the clients talk over and, for {@link #inProcess}, to; closed after the clients, in order. */
    private final List<Runnable> transport;

    private P4RuntimeFabric(Map<DeviceId, P4RuntimeDeviceClient> clients, List<Runnable> transport) {
        this.clients = Collections.unmodifiableMap(clients);
        this.transport = transport;
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
        return connect(fabric, sw -> channel, List.of(channel::shutdownNow, server::shutdownNow, service::close));
    }

    /**
     * Connects a client to each of {@code fabric}'s switches, served elsewhere: over the channel
     * {@code channelOf} opens for it, which this then owns (closes). Each becomes primary with
     * {@link #ELECTION_ID} and commits the pipeline, which clears the switch's forwarding state.
     */
    public static P4RuntimeFabric connect(Fabric fabric, Function<Switch, ManagedChannel> channelOf) {
        List<Runnable> transport = new ArrayList<>();
        return connect(fabric, sw -> {
            ManagedChannel channel = channelOf.apply(sw);
            transport.add(channel::shutdownNow);
            return channel;
        }, transport);
    }

    private static P4RuntimeFabric connect(Fabric fabric, Function<Switch, ManagedChannel> channelOf,
                                           List<Runnable> transport) {
        Map<DeviceId, P4RuntimeDeviceClient> clients = new LinkedHashMap<>();
        P4RuntimeFabric connected = new P4RuntimeFabric(clients, transport);
        try {
            for (Switch sw : fabric.topology().switches()) {
                DeviceId id = DeviceId.deviceId(sw.onosDeviceId());
                clients.put(id, P4RuntimeDeviceClient.connect(id, sw.deviceId(), channelOf.apply(sw),
                        fabric.pipeline().p4info(), ELECTION_ID));
            }
        } catch (RuntimeException e) {
            connected.close();
            throw e;
        }
        return connected;
    }

    public Map<DeviceId, P4RuntimeDeviceClient> clients() {
        return clients;
    }

    @Override
    public void close() {
        clients.values().forEach(P4RuntimeDeviceClient::close);
        transport.forEach(Runnable::run);
    }
}
