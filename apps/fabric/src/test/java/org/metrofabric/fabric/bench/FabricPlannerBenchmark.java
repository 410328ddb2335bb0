package org.metrofabric.fabric.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.metrofabric.fabric.api.DeviceRole;
import org.metrofabric.fabric.api.Endpoint;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricHost;
import org.metrofabric.fabric.api.FabricSnapshot;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.app.planner.Constraint;
import org.metrofabric.fabric.app.planner.PathDecision;
import org.metrofabric.fabric.app.planner.PathPin;
import org.metrofabric.fabric.app.planner.PathPlan;
import org.metrofabric.fabric.app.planner.PathPlanner;
import org.metrofabric.fabric.app.planner.RoutingPlan;
import org.metrofabric.fabric.app.planner.RoutingPlanner;
import org.metrofabric.fabric.testing.NetcfgFabrics;
import org.onosproject.net.DeviceId;

/**
 * Benchmark main (not a test) for the fabric planners on a large generated fabric. Prints a
 * Markdown section for docs/benchmarks.md. Arguments: NETCFG [INTENTS [SEED [PIN_TABLE_SIZE]]]
 * (defaults 100000, 1 and metro.p4's path_pinning size); see that file for
 * the commands that generate the fabric and run this.
 *
 * <p>Intents go from access-leaf hosts to cloud-leaf hosts, each pair used once; a third have no
 * latency budget, a third a loose one (400 us) and a third a tight one (60 us to an edge cloud,
 * 200 us to a core cloud) that some cannot meet, and bandwidths are 0-50 Mb/s.
 */
public final class FabricPlannerBenchmark {
    private static final int WARM_RUNS = 5;

    private FabricPlannerBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: FabricPlannerBenchmark NETCFG [INTENTS [SEED [PIN_TABLE_SIZE]]]");
            System.exit(2);
        }
        int intentCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int pinTableSize = args.length > 3 ? Integer.parseInt(args[3]) : PathPlanner.DEFAULT_PIN_TABLE_SIZE;

        long t0 = System.nanoTime();
        FabricSnapshot fabric = NetcfgFabrics.load(Path.of(args[0]));
        long loadNanos = System.nanoTime() - t0;
        List<PathIntent> intents = intents(fabric, intentCount, seed);

        RoutingPlanner routingPlanner = new RoutingPlanner();
        PathPlanner pathPlanner = new PathPlanner(PathPlanner.DEFAULT_SWITCHING_NANOS, pinTableSize);

        Timing<RoutingPlan> routing = time(() -> routingPlanner.plan(fabric));
        RoutingPlan routes = routing.result();
        long heapBefore = usedHeapAfterGc();
        Timing<PathPlan> full = time(() -> pathPlanner.plan(fabric, intents, PathPlan.EMPTY));
        PathPlan plan = full.result();
        long planBytes = usedHeapAfterGc() - heapBefore;
        Map<DeviceId, List<PathPin>> pins = plan.pins(fabric);

        // What the service would hold: the admitted intents and their plan.
        List<PathIntent> admitted = plan.decisions().values().stream().filter(d -> d.state() != IntentState.REJECTED)
                .map(PathDecision::intent).collect(Collectors.toList());
        PathPlan installed = pathPlanner.plan(fabric, admitted, plan);
        DeviceId failedSpine = fabric.spines().get(fabric.spines().size() / 4).id();
        t0 = System.nanoTime();
        FabricSnapshot failed = fabric.withDeviceUp(failedSpine, false);
        long failSnapshotNanos = System.nanoTime() - t0;
        Timing<PathPlan> replan = time(() -> pathPlanner.replan(failed, installed));
        PathPlan after = replan.result();
        Timing<PathPlan> fullReplan = time(() -> pathPlanner.plan(failed, admitted, installed));
        Timing<RoutingPlan> rerouting = time(() -> routingPlanner.plan(failed));
        long onFailedSpine = installed.decisions().values().stream()
                .filter(d -> d.path() != null && d.path().spine().equals(failedSpine)).count();
        long moved = after.decisions().values().stream().filter(d -> installed.decision(d.intent().name()) != d).count();

        String out = String.join("\n",
                "## Fabric planner",
                "",
                String.format(Locale.ROOT, "Fabric: %d spines, %d leaves (%s), %d hosts, %d links, from `%s`. "
                                + "%,d path intents (seed %d), path_pinning table size %d. %s",
                        fabric.spines().size(), fabric.leaves().size(), kinds(fabric), fabric.hosts().size(),
                        fabric.links().size(), Path.of(args[0]).getFileName(), intents.size(), seed, pinTableSize, machine()),
                "",
                "| measure | result | target |",
                "|---|---|---|",
                row("netcfg file → snapshot (parse, ONOS configs, FabricSnapshotAssembler)", ms(loadNanos), ""),
                row("routing plan, all switches (first / median of " + WARM_RUNS + " warm)", routing.summary(), ""),
                row("full path plan, " + String.format(Locale.ROOT, "%,d", intents.size()) + " intents (first / median warm)",
                        full.summary(), "< 2 s"),
                row("path plan retained heap", mb(planBytes), ""),
                row("intents installed / rejected", String.format(Locale.ROOT, "%,d / %,d (%s)", plan.count(IntentState.INSTALLED),
                        plan.count(IntentState.REJECTED), rejectionsByConstraint(plan)), ""),
                row("routing_v4 + ecmp member entries per leaf (min / max)", minMax(routes, fabric, DeviceRole.LEAF), "routing_v4 4096, ecmp 1024"),
                row("routing_v4 entries per spine (min / max)", minMax(routes, fabric, DeviceRole.SPINE), "4096"),
                row("ECMP groups per leaf (max)", Integer.toString(routes.routes().values().stream()
                        .mapToInt(r -> r.groups().size()).max().orElse(0)), ""),
                row("path_pinning entries per access leaf (mean / max)", pinStats(pins, fabric, false), "table size " + pinTableSize),
                row("path_pinning entries per cloud leaf (mean / max)", pinStats(pins, fabric, true), "table size " + pinTableSize),
                row("snapshot with " + failedSpine + " down", ms(failSnapshotNanos), ""),
                row("path re-plan after that spine fails, `replan` (first / median warm)", replan.summary(), "< 100 ms"),
                row("  same with every endpoint resolved again, `plan` (first / median warm)", fullReplan.summary(), ""),
                row("  `replan` and `plan` agree", Boolean.toString(after.decisions().equals(fullReplan.result().decisions())
                        && after.reservations().equals(fullReplan.result().reservations())), ""),
                row("  admitted intents that were on it / moved / now DEGRADED", String.format(Locale.ROOT, "%,d / %,d / %,d",
                        onFailedSpine, moved, after.count(IntentState.DEGRADED)), ""),
                row("  leaves whose pins change", Integer.toString(after.pinDevicesChangedSince(installed).size()), ""),
                row("routing re-plan after that spine fails (first / median warm)", rerouting.summary(), ""),
                row("  switches whose routes change", Integer.toString(rerouting.result().changedSince(routes).size()), ""),
                "");
        System.out.println(out);
    }

    /** Access hosts to cloud hosts, every (user, cloud) pair at most once. */
    public static List<PathIntent> intents(FabricSnapshot fabric, int count, long seed) {
        List<FabricHost> users = new ArrayList<>();
        List<FabricHost> clouds = new ArrayList<>();
        for (FabricHost host : fabric.hosts()) {
            FabricDevice leaf = fabric.device(host.location().deviceId());
            (leaf.leafKind().isCloud() ? clouds : users).add(host);
        }
        if ((long) users.size() * clouds.size() < count) {
            throw new IllegalArgumentException("only " + users.size() + " x " + clouds.size() + " host pairs for " + count + " intents");
        }
        Random random = new Random(seed);
        List<PathIntent> intents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int u = i % users.size();
            FabricHost cloud = clouds.get((i / users.size() + u) % clouds.size());
            boolean edge = fabric.device(cloud.location().deviceId()).leafKind().configName().equals("edge-cloud");
            Long budget;
            switch (i % 3) {
                case 0:
                    budget = null;
                    break;
                case 1:
                    budget = 400L;
                    break;
                default:
                    budget = edge ? 60L : 200L;
            }
            intents.add(new PathIntent("p" + i, Endpoint.host(users.get(u).name()), Endpoint.host(cloud.name()),
                    budget, random.nextInt(51)));
        }
        return intents;
    }

    private static String kinds(FabricSnapshot fabric) {
        return fabric.leaves().stream().collect(Collectors.groupingBy(l -> l.leafKind().configName(), Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Java %s, %d cores, max heap %d MB, system load average %.1f at the start.",
                System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String rejectionsByConstraint(PathPlan plan) {
        Map<Constraint, Long> counts = plan.decisions().values().stream().filter(d -> d.reason() != null)
                .collect(Collectors.groupingBy(d -> d.reason().constraint(), Collectors.counting()));
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String minMax(RoutingPlan routes, FabricSnapshot fabric, DeviceRole role) {
        int[] entries = fabric.devices().values().stream().filter(d -> d.role() == role)
                .mapToInt(d -> routes.routesOf(d.id()).tableEntries()).toArray();
        return Arrays.stream(entries).min().orElse(0) + " / " + Arrays.stream(entries).max().orElse(0);
    }

    private static String pinStats(Map<DeviceId, List<PathPin>> pins, FabricSnapshot fabric, boolean cloud) {
        int[] counts = fabric.leaves().stream().filter(l -> l.leafKind().isCloud() == cloud)
                .mapToInt(l -> pins.getOrDefault(l.id(), List.of()).size()).toArray();
        return String.format(Locale.ROOT, "%.0f / %d", Arrays.stream(counts).average().orElse(0), Arrays.stream(counts).max().orElse(0));
    }

    private static String row(String measure, String result, String target) {
        return "| " + measure + " | " + result + " | " + target + " |";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Wall and CPU time of a first run and of {@value #WARM_RUNS} more; CPU time is what a shared machine cannot inflate. */
    private static <T> Timing<T> time(Supplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        T result = work.get();
        long first = System.nanoTime() - start;
        long firstCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long[] warm = new long[WARM_RUNS];
        long[] warmCpu = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            start = System.nanoTime();
            cpuStart = threads.getCurrentThreadCpuTime();
            work.get();
            warm[i] = System.nanoTime() - start;
            warmCpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        return new Timing<>(result, first, firstCpu, warm[WARM_RUNS / 2], warmCpu[WARM_RUNS / 2]);
    }

    /** One measured computation: its result, the first (cold) run and the median warm run. */
    private static final class Timing<T> {
        private final T result;
        private final long firstNanos;
        private final long firstCpuNanos;
        private final long medianNanos;
        private final long medianCpuNanos;

        Timing(T result, long firstNanos, long firstCpuNanos, long medianNanos, long medianCpuNanos) {
            this.result = result;
            this.firstNanos = firstNanos;
            this.firstCpuNanos = firstCpuNanos;
            this.medianNanos = medianNanos;
            this.medianCpuNanos = medianCpuNanos;
        }

        T result() {
            return result;
        }

        /** "first / median" wall time, then the same in CPU time. */
        String summary() {
            return ms(firstNanos) + " / " + ms(medianNanos) + " (CPU " + ms(firstCpuNanos) + " / " + ms(medianCpuNanos) + ")";
        }
    }
}
