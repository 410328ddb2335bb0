package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroEntries;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.onos.P4RuntimeDeviceClient;
import org.metrofabric.emulator.onos.PiUpdate;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Topology;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;

/** A controller outside the process programs an emulated switch over TCP while the fabric runs in real time. */
class P4RuntimeFabricServerTest {
    private static final Path P4 = MetroPipeline.locate(Path.of(""));
    private static final P4Sim.LoadedPipeline PIPELINE = P4Sim.load(P4);

    private final Fabric fabric;
    private final P4RuntimeFabricServer server;
    private final RealTimeLoop loop;
    private final ManagedChannel channel;
    private final P4RuntimeDeviceClient leaf1;

    P4RuntimeFabricServerTest() throws Exception {
        Topology topology = TopologyLoader.load(P4.getParent().getParent().resolve("topologies/metro-2x4.json"));
        fabric = Fabric.builder(topology, PIPELINE).build();
        server = P4RuntimeFabricServer.start(fabric, "127.0.0.1", sw -> 0);
        loop = RealTimeLoop.start(fabric.scheduler(), "serve-test-loop");
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port("leaf1"),
                InsecureChannelCredentials.create()).build();
        long leaf1DeviceId = topology.switches().stream().filter(sw -> sw.name().equals("leaf1")).findFirst()
                .orElseThrow().deviceId();
        leaf1 = P4RuntimeDeviceClient.connect(DeviceId.deviceId("device:leaf1"), leaf1DeviceId, channel,
                PIPELINE.p4info(), 1);
    }

    @AfterEach
    void stop() {
        leaf1.close();
        channel.shutdownNow();
        server.close();
        loop.close();
        assertNull(loop.failure());
    }

    @Test
    void aWriteOverTcpLandsInTheSwitchTheFabricForwardsThrough() {
        PiTableEntry route = MetroEntries.route(0x0a010100, 24, MetroEntries.setNextHop(3, 0x00bb00000001L,
                0x00000a01010aL));

        leaf1.write(List.of(PiUpdate.insert(route)));

        assertEquals(1, leaf1.readTable(MetroEntries.ROUTING_V4).size());
        assertEquals(1, fabric.switchNode("leaf1").device().control().readTable(MetroEntries.ROUTING_V4).size());
    }

    @Test
    void aHostsArpRequestComesBackAsAPacketInOnTheStream() throws InterruptedException {
        BlockingQueue<PiPacketOperation> packetIns = new LinkedBlockingQueue<>();
        leaf1.setPacketInListener(packetIns::add);

        fabric.scheduler().post(() -> fabric.host("h1a").ping(fabric.host("h1b").ip(), 1, SimTime.millis(1)));

        assertNotNull(packetIns.poll(10, TimeUnit.SECONDS), "no packet-in within 10 s");
    }
}
