package org.metrofabric.emulator.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.fabric.StaticRoutes;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.UdpFlow;
import org.metrofabric.emulator.hosts.UdpSender;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Topology;

/**
 * Emulator throughput: every host of a topology sends a constant-rate UDP flow to every host on
 * another leaf, through metro.p4 switches routed by {@link StaticRoutes}; reports scheduler
 * events, switch pipeline passes and delivered packets per wall-clock second.
 * <pre>
 *   java -cp ... org.metrofabric.emulator.bench.EmulatorBenchmark [topology.json] [simulated-ms] [pps-per-flow]
 * </pre>
 * Defaults: topologies/metro-2x4.json, 50 ms, 20,000 packets/s per flow (256-byte payloads).
 * One untimed warm-up run of a fifth of the length precedes the measured run.
 */
public final class EmulatorBenchmark {
    private static final int PAYLOAD_BYTES = 256;

    private EmulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path p4 = MetroPipeline.locate(Path.of(""));
        Path topologyFile = args.length > 0 ? Path.of(args[0]) : p4.getParent().getParent().resolve("topologies/metro-2x4.json");
        long simulatedMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
        long packetsPerSecond = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        Topology topology = TopologyLoader.load(topologyFile);
        P4Sim.LoadedPipeline pipeline = P4Sim.load(p4);

        run(topology, pipeline, Math.max(1, simulatedMillis / 5), packetsPerSecond);
        Result result = run(topology, pipeline, simulatedMillis, packetsPerSecond);
        System.out.printf(Locale.ROOT, "topology %s, %d flows at %d pps, %d ms simulated%n", topology.name(),
                result.flows, packetsPerSecond, simulatedMillis);
        System.out.printf(Locale.ROOT, "wall %.2f s; events %d (%.0f/s); switch pipeline passes %d (%.0f/s); "
                        + "packets delivered %d (%.0f/s); simulated/wall %.4f%n",
                result.wallSeconds, result.events, result.events / result.wallSeconds, result.pipelinePasses,
                result.pipelinePasses / result.wallSeconds, result.delivered, result.delivered / result.wallSeconds,
                simulatedMillis / 1000.0 / result.wallSeconds);
    }

    private record Result(int flows, long events, long pipelinePasses, long delivered, double wallSeconds) { }

    private static Result run(Topology topology, P4Sim.LoadedPipeline pipeline, long simulatedMillis, long pps) {
        Fabric fabric = Fabric.builder(topology, pipeline).build();
        StaticRoutes.install(fabric);
        List<UdpSender> senders = new ArrayList<>();
        int flowId = 0;
        long packets = pps * simulatedMillis / 1000;
        for (org.metrofabric.topology.model.Host from : topology.hosts()) {
            for (org.metrofabric.topology.model.Host to : topology.hosts()) {
                if (!from.leaf().equals(to.leaf())) {
                    senders.add(fabric.host(from.name()).send(UdpFlow.constantRate(flowId++, to.ip().address(),
                            PAYLOAD_BYTES, pps, 0, packets)));
                }
            }
        }
        long start = System.nanoTime();
        long events = fabric.scheduler().runUntil(SimTime.millis(simulatedMillis + 1));
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        long passes = fabric.switches().values().stream().mapToLong(SwitchNode::processedFrames).sum();
        long delivered = 0;
        for (Host host : fabric.hosts().values()) {
            delivered += host.flows().values().stream().mapToLong(s -> s.received()).sum();
        }
        return new Result(senders.size(), events, passes, delivered, wallSeconds);
    }
}
