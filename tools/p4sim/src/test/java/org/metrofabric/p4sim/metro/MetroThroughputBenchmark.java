package org.metrofabric.p4sim.metro;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.onosproject.net.pi.runtime.PiAction;

/**
 * p4sim packets per second through p4src/metro.p4 on one thread (a main program, not a test), programmed
 * the way ONOS programs it: PI objects through {@code SwitchControl}. 1,000 /24 routes to a 4-member ECMP
 * group, 1,000 distinct UDP/TCP flows injected round-robin on a host port; every packet must leave on an
 * uplink. Runs for a budget of this thread's CPU time (steadier than wall time on a shared machine) after a
 * warm-up, and reports packets per second of CPU time and of wall time. Run from tools/p4sim:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.metrofabric.p4sim.metro.MetroThroughputBenchmark [CPU-seconds]}
 */
public final class MetroThroughputBenchmark {
    private static final int ROUTES = 1000;
    private static final int FLOWS = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MetroThroughputBenchmark() {
    }

    public static void main(String[] args) {
        long cpuBudgetNanos = (long) (Double.parseDouble(args.length > 0 ? args[0] : "10") * 1e9);
        MetroSwitch leaf = MetroSwitch.create();
        String leafMac = "00:00:00:00:0a:01";
        List<PiAction> uplinks = new ArrayList<>();
        for (int port = 11; port <= 14; port++) {
            uplinks.add(leaf.setNextHop(port, leafMac, String.format("00:00:00:00:0b:%02x", port)));
        }
        leaf.ecmpGroup(1, uplinks);
        for (int i = 0; i < ROUTES; i++) {
            leaf.route("10." + (i >> 8) + "." + (i & 0xff) + ".0/24", leaf.routeViaUplinks(1));
        }
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            Frames.Ipv4Frame flow = i % 2 == 0 ? Frames.udp() : Frames.tcp();
            frames.add(flow.ethDst(leafMac).ipSrc("10.200.0." + (1 + i % 250))
                    .ipDst("10." + (i % ROUTES >> 8) + "." + (i % ROUTES & 0xff) + ".7")
                    .ports(10_000 + i, 443).build());
        }

        run(leaf, frames, 3_000_000_000L);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long packets = run(leaf, frames, cpuBudgetNanos);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("metro.p4, %d routes, 4-member ECMP group, %d flows: %,d packets in %.1f s wall, %.1f s CPU%n",
                ROUTES, FLOWS, packets, wallSeconds, cpuSeconds);
        System.out.printf("%,d packets/s of CPU time, %,d packets/s of wall time%n",
                (long) (packets / cpuSeconds), (long) (packets / wallSeconds));
    }

    /** Sends the frames round-robin until {@code cpuNanos} of this thread's CPU time; returns how many. */
    private static long run(MetroSwitch leaf, List<byte[]> frames, long cpuNanos) {
        long sent = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        while (THREADS.getCurrentThreadCpuTime() - start < cpuNanos) {
            for (byte[] frame : frames) {
                if (leaf.send(1, frame).size() != 1) {
                    throw new IllegalStateException("a benchmark packet was not forwarded: flow " + sent % FLOWS);
                }
                sent++;
            }
        }
        return sent;
    }
}
