package org.metrofabric.emulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.fabric.StaticRoutes;
import org.metrofabric.emulator.hosts.FlowStats;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.UdpFlow;
import org.metrofabric.emulator.net.SwitchNode;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Topology;

/**
 * Emulator throughput: hosts send constant-rate UDP flows to hosts on other leaves through
 * metro.p4 switches routed by {@link StaticRoutes}; reports scheduler events, switch pipeline
 * passes and delivered packets per second of wall time and of the loop thread's CPU time.
 * <pre>
 *   EmulatorBenchmark [topology.json] [simulated-ms] [pps-per-flow] [peers-per-host]
 * </pre>
 * Defaults: topologies/metro-2x4.json, 50 ms, 20,000 packets/s per flow (256-byte payloads),
 * every host on another leaf as a peer. Host i's peers are the next hosts after it in file order
 * (wrapping) that sit on another leaf. An untimed warm-up run of a fifth of the length comes first.
 */
public final class EmulatorBenchmark {
    private static final int PAYLOAD_BYTES = 256;

    private EmulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path p4 = MetroPipeline.locate(Path.of(""));
        Path topologyFile = args.length > 0 ? Path.of(args[0])
                : p4.getParent().getParent().resolve("topologies/metro-2x4.json");
        long simulatedMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
        long packetsPerSecond = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        int peers = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        Topology topology = TopologyLoader.load(topologyFile);
        P4Sim.LoadedPipeline pipeline = P4Sim.load(p4);

        run(topology, pipeline, Math.max(1, simulatedMillis / 5), packetsPerSecond, peers);
        Result r = run(topology, pipeline, simulatedMillis, packetsPerSecond, peers);
        System.out.printf(Locale.ROOT, "topology %s (%d switches, %d hosts): %d flows at %d pps, %d ms simulated%n",
                topology.name(), topology.switches().size(), topology.hosts().size(), r.flows, packetsPerSecond,
                simulatedMillis);
        System.out.printf(Locale.ROOT, "events %d, switch pipeline passes %d, packets delivered %d of %d sent%n",
                r.events, r.passes, r.delivered, r.sent);
        System.out.printf(Locale.ROOT, "wall %.2f s: %.0f events/s, %.0f passes/s, %.0f packets/s%n",
                r.wallSeconds, r.events / r.wallSeconds, r.passes / r.wallSeconds, r.delivered / r.wallSeconds);
        System.out.printf(Locale.ROOT, "cpu  %.2f s: %.0f events/s, %.0f passes/s, %.0f packets/s%n",
                r.cpuSeconds, r.events / r.cpuSeconds, r.passes / r.cpuSeconds, r.delivered / r.cpuSeconds);
        System.out.printf(Locale.ROOT, "load average %.1f on %d cores, Java %s%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private record Result(int flows, long sent, long events, long passes, long delivered, double wallSeconds,
                          double cpuSeconds) { }

    private static Result run(Topology topology, P4Sim.LoadedPipeline pipeline, long simulatedMillis, long pps,
                              int peers) {
        Fabric fabric = Fabric.builder(topology, pipeline).build();
        StaticRoutes.install(fabric);
        List<org.metrofabric.topology.model.Host> hosts = topology.hosts();
        long packets = pps * simulatedMillis / 1000;
        int flows = 0;
        for (int i = 0; i < hosts.size(); i++) {
            int taken = 0;
            for (int step = 1; step < hosts.size() && taken < peers; step++) {
                org.metrofabric.topology.model.Host to = hosts.get((i + step) % hosts.size());
                if (!to.leaf().equals(hosts.get(i).leaf())) {
                    fabric.host(hosts.get(i).name()).send(UdpFlow.constantRate(flows++, to.ip().address(),
                            PAYLOAD_BYTES, pps, 0, packets));
                    taken++;
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long events = fabric.scheduler().runUntil(SimTime.millis(simulatedMillis + 1));
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long passes = fabric.switches().values().stream().mapToLong(SwitchNode::processedFrames).sum();
        long delivered = 0;
        for (Host host : fabric.hosts().values()) {
            delivered += host.flows().values().stream().mapToLong(FlowStats::received).sum();
        }
        return new Result(flows, flows * packets, events, passes, delivered, wallSeconds, cpuSeconds);
    }
}
